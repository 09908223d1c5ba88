package org.gfspnfs.bench.nfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.gfspnfs.nfs41.export.ExportTable;
import org.gfspnfs.nfs41.export.ExportsParser;
import org.gfspnfs.nfs41.fixture.InMemoryFileSystem;
import org.gfspnfs.nfs41.fixture.TestServer;
import org.gfspnfs.nfs41.pnfs.DeviceAddress;
import org.gfspnfs.nfs41.pnfs.DeviceId;
import org.gfspnfs.nfs41.pnfs.LayoutCommit;
import org.gfspnfs.nfs41.pnfs.LayoutIoMode;
import org.gfspnfs.nfs41.pnfs.LayoutProvider;
import org.gfspnfs.nfs41.pnfs.LayoutRecaller;
import org.gfspnfs.nfs41.pnfs.LayoutRequest;
import org.gfspnfs.nfs41.pnfs.LayoutSegment;
import org.gfspnfs.nfs41.server.Nfs41Server;
import org.gfspnfs.nfs41.state.StateId;
import org.gfspnfs.nfs41.status.BadStateidException;
import org.gfspnfs.nfs41.vfs.Inode;
import org.gfspnfs.nfs41.xdr.FileLayout4;
import org.gfspnfs.nfs41.xdr.FileLayoutDsAddr4;
import org.gfspnfs.nfs41.xdr.MultipathList4;
import org.gfspnfs.nfs41.xdr.NetAddr4;
import org.gfspnfs.nfs41.xdr.NfsFh4;
import org.gfspnfs.nfs41.xdr.XdrBytes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pNFS path of the load generator against the nfs41 engine in both roles: one MDS handing out a sparse files
 * layout (64 KiB stripe unit, two data servers) and two data servers over the same in-memory filesystem. Data
 * written through the layout must read back through the MDS at the right file offsets, and none of it may go
 * through the MDS.
 */
class PnfsAgainstEngineTest {
    private static final int UNIT = 64 << 10;
    private static final DeviceId DEVICE = new DeviceId(7, 7);

    private final List<Nfs41Server> servers = new ArrayList<>();
    private final List<Long> commits = new CopyOnWriteArrayList<>();
    private final AtomicInteger returns = new AtomicInteger();
    private final AtomicInteger validated = new AtomicInteger();
    private Nfs41Server mds;

    @BeforeEach
    void start() throws IOException {
        Clock clock = Clock.systemUTC();
        InMemoryFileSystem fs = TestServer.newFs(clock);
        ExportTable exports = new ExportsParser().parse(TestServer.DEFAULT_EXPORTS, "test-exports");
        List<InetSocketAddress> ds = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Nfs41Server s = base(fs, exports, clock).dataServer((fh, sid, write) -> {
                if (sid.isSpecial()) {
                    throw new BadStateidException("special stateid on a data server");
                }
                validated.incrementAndGet();
            }).start();
            servers.add(s);
            ds.add(s.address());
        }
        mds = base(fs, exports, clock).metadataServer(new StripedProvider(ds)).start();
        servers.add(mds);
    }

    private static Nfs41Server.Builder base(InMemoryFileSystem fs, ExportTable exports, Clock clock) {
        return Nfs41Server.builder().bindAddress("127.0.0.1").port(0).fileSystem(fs).exports(exports).clock(clock)
                .workerThreads(2).reapPeriod(Duration.ofDays(1));
    }

    @AfterEach
    void stop() throws IOException {
        for (Nfs41Server s : servers) {
            s.close();
        }
    }

    @Test
    void sequentialThroughLayouts_dataOnTheDataServersAtFileOffsets_noneThroughTheMds() throws IOException {
        NfsSession.Options options = NfsSession.Options.defaults("pnfs-test-" + System.nanoTime());
        try (NfsSession session = NfsSession.connect(mds.address(), options);
             PnfsClient pnfs = new PnfsClient(new FileClient(session), options)) {
            assertThat(session.serverFlags() & NfsSession.FLAG_USE_PNFS_MDS).isNotZero();
            FileClient mdsClient = pnfs.mds();
            byte[] dir = mdsClient.mkdirs(mdsClient.lookupPath("/export"), "p");
            // 256 KiB I/Os over a 64 KiB stripe unit: every I/O is split over both data servers
            SequentialWorkload viaLayouts = new SequentialWorkload(pnfs.factory(dir), 256 << 10, 4);
            Metric w = viaLayouts.write("pnfs-seq-write", 2, 2 << 20);
            Metric r = viaLayouts.read("pnfs-seq-read", 2, 2 << 20);

            assertThat(w.bytes()).isEqualTo(2 << 20);
            assertThat(r.bytes()).isEqualTo(2 << 20);
            assertThat(mdsClient.dataBytes()).isZero();
            assertThat(pnfs.dataServerBytes()).isEqualTo(4L << 20);
            assertThat(pnfs.dataServerCount()).isEqualTo(2);
            assertThat(validated.get()).as("data server stateid checks").isPositive();
            assertThat(commits).containsExactlyInAnyOrder(1L << 20, 1L << 20);
            assertThat(returns.get()).isEqualTo(4);

            // the same files read through the MDS alone: sparse striping put every byte at its file offset
            SequentialWorkload viaMds = new SequentialWorkload(MdsFileIo.factory(mdsClient, dir), 256 << 10, 4);
            assertThat(viaMds.read("seq-read", 2, 2 << 20).bytes()).isEqualTo(2 << 20);
            assertThat(mdsClient.dataBytes()).isEqualTo(2 << 20);
        }
    }

    /** Whole-file sparse layouts over the data servers, round robin from stripe index 0. */
    private final class StripedProvider implements LayoutProvider {
        private final List<InetSocketAddress> dataServers;

        StripedProvider(List<InetSocketAddress> dataServers) {
            this.dataServers = dataServers;
        }

        @Override
        public int[] layoutTypes() {
            return new int[] {NfsOps.LAYOUT4_NFSV4_1_FILES};
        }

        @Override
        public int blockSize() {
            return UNIT;
        }

        @Override
        public void attach(LayoutRecaller recaller) {
        }

        @Override
        public List<LayoutSegment> layoutGet(LayoutRequest request) {
            byte[] body = XdrBytes.encode(new FileLayout4(DEVICE.toBytes(), UNIT, 0, 0,
                    List.of(new NfsFh4(request.fileHandle()))));
            return List.of(new LayoutSegment(request.offset(), -1, request.ioMode(), NfsOps.LAYOUT4_NFSV4_1_FILES,
                    body));
        }

        @Override
        public DeviceAddress deviceInfo(DeviceId id, int layoutType) {
            List<MultipathList4> list = new ArrayList<>();
            for (InetSocketAddress a : dataServers) {
                int p = a.getPort();
                list.add(new MultipathList4(List.of(new NetAddr4("tcp", "127.0.0.1." + (p >> 8) + "." + (p & 255)))));
            }
            return new DeviceAddress(NfsOps.LAYOUT4_NFSV4_1_FILES,
                    XdrBytes.encode(new FileLayoutDsAddr4(new int[] {0, 1}, list)));
        }

        @Override
        public List<DeviceId> deviceList(int layoutType) {
            return List.of(DEVICE);
        }

        @Override
        public void layoutReturn(long clientId, Inode inode, LayoutIoMode ioMode, long offset, long length,
                                 byte[] body) {
            returns.incrementAndGet();
        }

        @Override
        public long layoutCommit(LayoutCommit commit) {
            commits.add(commit.lastWriteOffset() + 1);
            return -1;
        }

        @Override
        public void clientGone(long clientId) {
        }
    }
}
