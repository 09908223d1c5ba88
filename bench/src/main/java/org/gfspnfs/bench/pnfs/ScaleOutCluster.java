package org.gfspnfs.bench.pnfs;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import java.security.SecureRandom;

import org.gfspnfs.control.api.StateAccess;
import org.gfspnfs.control.api.StateidQuery;
import org.gfspnfs.control.api.StateidVerdict;
import org.gfspnfs.control.auth.ClusterKey;
import org.gfspnfs.control.client.NodeEndpoint;
import org.gfspnfs.control.client.StateidVerdictCache;
import org.gfspnfs.control.server.ControlServer;
import org.gfspnfs.control.spi.ControlProviders;
import org.gfspnfs.ds.DataServer;
import org.gfspnfs.ds.MetadataServerLink;
import org.gfspnfs.ds.MetadataServerLinkService;
import org.gfspnfs.ds.RemoteDataServer;
import org.gfspnfs.ds.VerdictStateidValidator;
import org.gfspnfs.gfs.Extent;
import org.gfspnfs.gfs.FileSystem;
import org.gfspnfs.gfs.FileSystems;
import org.gfspnfs.gfs.GfsException;
import org.gfspnfs.gfs.InodeId;
import org.gfspnfs.gfs.Mkfs;
import org.gfspnfs.gfs.MkfsOptions;
import org.gfspnfs.gfs.MountOptions;
import org.gfspnfs.gfs.device.FileBlockDevice;
import org.gfspnfs.gfs.lock.LocalLockModule;
import org.gfspnfs.mds.layout.DataServerAddress;
import org.gfspnfs.mds.layout.DataServerStateCheck;
import org.gfspnfs.mds.layout.DeviceRegistry;
import org.gfspnfs.mds.layout.FilesLayoutConfig;
import org.gfspnfs.mds.layout.FilesLayoutProvider;
import org.gfspnfs.mds.layout.LayoutRevocations;
import org.gfspnfs.mds.layout.UnwrittenExtents;
import org.gfspnfs.mds.vfs.GfsVirtualFileSystem;
import org.gfspnfs.nfs41.callback.BackchannelLayoutRecaller;
import org.gfspnfs.nfs41.export.ExportTable;
import org.gfspnfs.nfs41.export.ExportsParser;
import org.gfspnfs.nfs41.ops.PnfsOperations;
import org.gfspnfs.nfs41.pnfs.LayoutStateTable;
import org.gfspnfs.nfs41.server.Nfs41Server;
import org.gfspnfs.nfs41.state.StateId;

/**
 * One process serving a pNFS MDS and {@code n} data servers on 127.0.0.1 over a fresh gfs image, every data server
 * behind its own simulated NIC ({@code DataServer.Builder.bandwidthCap}): the scale-out simulation of issue 5.
 * Local: the node daemon's single-process wiring (data servers on the MDS's mount, direct calls). Remote: the data
 * servers run as a second node would, on their own mount (journal 1, glocks shared through the in-JVM lock module)
 * and reach the MDS only over an authenticated control channel ({@code RemoteDataServer}). {@link #close()} stops
 * everything and deletes the image.
 */
final class ScaleOutCluster implements AutoCloseable {
    private static final String EXPORTS = "/export 127.0.0.1(rw,no_root_squash)\n";

    private final Path image;
    private final FileBlockDevice device;
    private final LocalLockModule locks = new LocalLockModule();
    private final FileSystem fs;
    private final FileBlockDevice dsDevice;
    private final FileSystem dsFs;
    private final GfsVirtualFileSystem dsVfs;
    private final ControlServer control;
    private final List<RemoteDataServer> remotes = new ArrayList<>();
    private final GfsVirtualFileSystem vfs;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final Nfs41Server mds;
    private final List<DataServer> dataServers = new ArrayList<>();
    private final DataServerStateCheck check;

    ScaleOutCluster(Path dir, long imageBytes, int dataServerCount, long capBytesPerSecond, int stripeUnit,
                    boolean remote) throws IOException {
        Files.createDirectories(dir);
        image = dir.resolve("scaleout-" + dataServerCount + ".img");
        Files.deleteIfExists(image);
        try (FileBlockDevice d = FileBlockDevice.create(image, imageBytes)) {
            Mkfs.format(d, MkfsOptions.defaults("bench:scaleout").withJournals(2, 8192));
        }
        device = FileBlockDevice.open(image);
        fs = FileSystems.mount(device, MountOptions.of(0, locks));
        fs.mkdir(fs.root(), "export", 0777, 0, 0);
        vfs = new GfsVirtualFileSystem(fs, Clock.systemUTC());
        ExportTable exports = new ExportsParser().parse(EXPORTS, "scaleout-exports");
        LayoutStateTable table = new LayoutStateTable();
        FilesLayoutProvider provider = new FilesLayoutProvider(fs, table, new DeviceRegistry(1, List.of()),
                FilesLayoutConfig.defaults().withStripeUnit(stripeUnit), scheduler, LayoutRevocations.NONE);
        mds = Nfs41Server.builder().bindAddress("127.0.0.1").port(0).fileSystem(vfs).exports(exports)
                .metadataServer(provider).layoutStates(table).operations(PnfsOperations.metadataServer(table))
                .start();
        provider.attach(new BackchannelLayoutRecaller(mds.services(), table, scheduler));
        check = provider.dataServerCheck(mds.services().states());
        MetadataServerLink link = link(provider.unwrittenExtents());
        List<DataServerAddress> addresses = new ArrayList<>();
        if (remote) {
            dsDevice = FileBlockDevice.open(image);
            dsFs = FileSystems.mount(dsDevice, MountOptions.of(1, locks));
            dsVfs = new GfsVirtualFileSystem(dsFs, Clock.systemUTC());
            ClusterKey key = ClusterKey.of(new SecureRandom().generateSeed(32));
            control = ControlServer.builder().key(key).nodeName("mds")
                    .address(new InetSocketAddress("127.0.0.1", 0))
                    .providers(ControlProviders.builder().stateidAuthority(this::verdict)
                            .writePath(new MetadataServerLinkService(link)).build())
                    .build().start();
            for (int i = 0; i < dataServerCount; i++) {
                RemoteDataServer ds = RemoteDataServer.start(DataServer.builder().bindAddress("127.0.0.1").port(0)
                                .fileSystem(dsFs, dsDevice).attributes(dsVfs).exports(exports)
                                .bandwidthCap(capBytesPerSecond),
                        new NodeEndpoint("mds", control.address()), key, "ds-node",
                        RemoteDataServer.DEFAULT_CALL_TIMEOUT, Clock.systemUTC());
                remotes.add(ds);
                addresses.add(new DataServerAddress("ds" + i, "127.0.0.1", ds.address().getPort()));
            }
        } else {
            dsDevice = null;
            dsFs = null;
            dsVfs = null;
            control = null;
            for (int i = 0; i < dataServerCount; i++) {
                DataServer ds = DataServer.builder().bindAddress("127.0.0.1").port(0).fileSystem(fs, device)
                        .attributes(vfs).exports(exports).bandwidthCap(capBytesPerSecond)
                        .validator(new VerdictStateidValidator(new StateidVerdictCache(this::verdict,
                                Clock.systemUTC(), 4096)))
                        .metadataServer(link).start();
                dataServers.add(ds);
                addresses.add(new DataServerAddress("ds" + i, "127.0.0.1", ds.address().getPort()));
            }
        }
        provider.dataServersChanged(addresses);
    }

    InetSocketAddress mdsAddress() {
        return mds.address();
    }

    /** Glock demotes of the MDS's mount. */
    long mdsDemotes() {
        return fs.stats().glockDemotes();
    }

    /** Glock demotes of the data servers' own mount (0 when they share the MDS's). */
    long dsDemotes() {
        return dsFs == null ? 0 : dsFs.stats().glockDemotes();
    }

    private StateidVerdict verdict(StateidQuery q) {
        ByteBuffer b = ByteBuffer.wrap(q.stateid());
        int seqid = b.getInt();
        byte[] other = new byte[12];
        b.get(other);
        DataServerStateCheck.Verdict v = check.check(q.fileHandle(), StateId.of(seqid, other),
                q.access() == StateAccess.WRITE);
        StateidVerdict.Verdict out = switch (v.result()) {
            case VALID -> StateidVerdict.Verdict.VALID;
            case BAD_STATEID -> StateidVerdict.Verdict.BAD_STATEID;
            case EXPIRED -> StateidVerdict.Verdict.EXPIRED;
            case ADMIN_REVOKED -> StateidVerdict.Verdict.ADMIN_REVOKED;
            case OPEN_MODE -> StateidVerdict.Verdict.ACCESS_DENIED;
        };
        return new StateidVerdict(out, Duration.ZERO, v.clientId());
    }

    private static MetadataServerLink link(UnwrittenExtents mds) {
        return new MetadataServerLink() {
            @Override
            public List<Extent> allocate(InodeId file, long offset, long length) throws GfsException {
                return mds.allocate(file, offset, length);
            }

            @Override
            public void written(InodeId file, long offset, long length) {
                mds.written(file, offset, length);
            }

            @Override
            public List<ByteRange> writtenWithin(InodeId file, long offset, long end) {
                return mds.reportedWithin(file, offset, end).stream().map(r -> new ByteRange(r[0], r[1])).toList();
            }
        };
    }

    @Override
    public void close() throws Exception {
        for (DataServer ds : dataServers) {
            ds.close();
        }
        for (RemoteDataServer ds : remotes) {
            ds.close();
        }
        if (control != null) {
            control.close();
            dsVfs.close();
            dsFs.close();
            dsDevice.close();
        }
        mds.close();
        scheduler.shutdownNow();
        vfs.close();
        fs.close();
        locks.close();
        device.close();
        Files.deleteIfExists(image);
    }
}
