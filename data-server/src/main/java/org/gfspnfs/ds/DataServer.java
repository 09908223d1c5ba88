package org.gfspnfs.ds;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

import org.gfspnfs.gfs.FileSystem;
import org.gfspnfs.gfs.device.BlockDevice;
import org.gfspnfs.nfs41.compound.EngineConfig;
import org.gfspnfs.nfs41.export.ExportTable;
import org.gfspnfs.nfs41.pnfs.StateidValidator;
import org.gfspnfs.nfs41.server.Nfs41Server;
import org.gfspnfs.nfs41.vfs.VirtualFileSystem;

/**
 * A pNFS data server (RFC 8881 section 13.6): an NFSv4.1 server in the DS role on its own address and port,
 * answering READ/WRITE/COMMIT on MDS file handles from the shared gfs device. Stateids are checked by a
 * {@link StateidValidator} (in production {@link VerdictStateidValidator} over the control channel), blocks come
 * from the MDS through a {@link MetadataServerLink}. {@link #close()} stops the server and its threads; the
 * filesystem and the device belong to the caller.
 */
public final class DataServer implements AutoCloseable {
    private final Nfs41Server server;

    private DataServer(Nfs41Server server) {
        this.server = server;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Where the data server listens (with the real port when built with port 0). */
    public InetSocketAddress address() {
        return server.address();
    }

    /** The engine underneath, for tools and tests. */
    public Nfs41Server engine() {
        return server;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    /**
     * Wiring of one data server. Required: the mounted filesystem and its device, a filesystem view for GETATTR
     * (the same {@code VirtualFileSystem} type the MDS serves), the MDS's export table (file handles carry export
     * ids), a stateid validator and the MDS link.
     */
    public static final class Builder {
        private String bindAddress = "127.0.0.1";
        private int port;
        private FileSystem fs;
        private BlockDevice device;
        private VirtualFileSystem vfs;
        private ExportTable exports;
        private StateidValidator validator;
        private MetadataServerLink mds;
        private Clock clock = Clock.systemUTC();
        private EngineConfig config = EngineConfig.defaults();
        private int workerThreads = 8;
        private long bandwidthCap;

        public Builder bindAddress(String a) {
            bindAddress = a;
            return this;
        }

        public Builder port(int p) {
            port = p;
            return this;
        }

        public Builder fileSystem(FileSystem f, BlockDevice d) {
            fs = f;
            device = d;
            return this;
        }

        public Builder attributes(VirtualFileSystem v) {
            vfs = v;
            return this;
        }

        public Builder exports(ExportTable e) {
            exports = e;
            return this;
        }

        public Builder validator(StateidValidator v) {
            validator = v;
            return this;
        }

        public Builder metadataServer(MetadataServerLink link) {
            mds = link;
            return this;
        }

        public Builder clock(Clock c) {
            clock = c;
            return this;
        }

        public Builder config(EngineConfig c) {
            config = c;
            return this;
        }

        public Builder workerThreads(int n) {
            workerThreads = n;
            return this;
        }

        /**
         * Simulates a network interface of {@code bytesPerSecond} in each direction (READ and WRITE payload; a
         * token bucket with 1 MiB of burst) for scale-out benches on one machine. 0 (the default) is no cap.
         */
        public Builder bandwidthCap(long bytesPerSecond) {
            if (bytesPerSecond < 0) {
                throw new IllegalArgumentException("bandwidth cap must not be negative: " + bytesPerSecond);
            }
            bandwidthCap = bytesPerSecond;
            return this;
        }

        public DataServer start() throws IOException {
            Objects.requireNonNull(fs, "fileSystem");
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(vfs, "attributes");
            Objects.requireNonNull(exports, "exports");
            Objects.requireNonNull(validator, "validator");
            Objects.requireNonNull(mds, "metadataServer");
            DsBlockStore store = new DsBlockStore(fs, device, mds, cap(), cap());
            // Each data server is its own NFS server: a server owner of its own keeps clients from treating it as
            // a trunk of the MDS or of another data server (RFC 8881 section 2.10.5).
            String owner = port == 0 ? "gfs-pnfs-ds/" + java.util.UUID.randomUUID()
                    : "gfs-pnfs-ds/" + bindAddress + ":" + port;
            EngineConfig c = new EngineConfig(config.lease(), config.grace(), config.maxIo(), config.slots(),
                    config.maxOps(), owner, config.serverScope());
            Nfs41Server s = Nfs41Server.builder().bindAddress(bindAddress).port(port).fileSystem(vfs)
                    .exports(exports).clock(clock).config(c).dataServer(validator)
                    .operations(DataServerOperations.table(store)).workerThreads(workerThreads)
                    .reapPeriod(Duration.ofSeconds(1)).start();
            return new DataServer(s);
        }

        private BandwidthCap cap() {
            return bandwidthCap == 0 ? BandwidthCap.OFF : new BandwidthCap(bandwidthCap, 1 << 20, System::nanoTime);
        }
    }
}
