package org.gfspnfs.ds;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.gfspnfs.control.api.StateAccess;
import org.gfspnfs.control.api.StateidQuery;
import org.gfspnfs.control.api.StateidVerdict;
import org.gfspnfs.control.auth.ClusterKey;
import org.gfspnfs.control.client.NodeEndpoint;
import org.gfspnfs.control.server.ControlServer;
import org.gfspnfs.control.spi.ControlProviders;
import org.gfspnfs.gfs.FileSystem;
import org.gfspnfs.gfs.FileSystems;
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
import org.gfspnfs.mds.vfs.GfsVirtualFileSystem;
import org.gfspnfs.nfs41.callback.BackchannelLayoutRecaller;
import org.gfspnfs.nfs41.compound.EngineConfig;
import org.gfspnfs.nfs41.export.ExportTable;
import org.gfspnfs.nfs41.export.ExportsParser;
import org.gfspnfs.nfs41.ops.PnfsOperations;
import org.gfspnfs.nfs41.pnfs.LayoutStateTable;
import org.gfspnfs.nfs41.server.Nfs41Server;
import org.gfspnfs.nfs41.state.StateId;

/**
 * Two "nodes" in one JVM on one image file, as the multi-process cluster runs them: node 0 mounts journal 0 and
 * serves the MDS and the control channel (VALIDATE_STATEID and the write path); node 1 mounts journal 1 and serves
 * data servers only, linked to node 0 through a real, authenticated control client ({@link RemoteDataServer}).
 * Both mounts share one in-JVM lock module as two lock sessions, so glocks move between them as over the DLM.
 * The MDS's stateid verdicts may be cached by the data servers for {@code verdictTtl}.
 */
final class TwoNodePnfs implements AutoCloseable {
    static final String EXPORTS = "/export 127.0.0.1(rw,no_root_squash)\n";

    final LocalLockModule locks = new LocalLockModule();
    final FileBlockDevice mdsDevice;
    final FileBlockDevice dsDevice;
    final FileSystem mdsFs;
    final FileSystem dsFs;
    final GfsVirtualFileSystem mdsVfs;
    final GfsVirtualFileSystem dsVfs;
    final LayoutStateTable table = new LayoutStateTable();
    final FilesLayoutProvider provider;
    final Nfs41Server mds;
    final MetadataServerLinkService writePath;
    final List<RemoteDataServer> dataServers = new ArrayList<>();
    private final ClusterKey key = ClusterKey.of(new SecureRandom().generateSeed(32));
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final DataServerStateCheck check;
    private final Duration verdictTtl;
    private final InetSocketAddress controlAddress;
    private ControlServer control;

    TwoNodePnfs(Path dir, int dataServerCount, FilesLayoutConfig config, Duration verdictTtl) throws IOException {
        this.verdictTtl = verdictTtl;
        Path image = dir.resolve("disk.img");
        try (FileBlockDevice d = FileBlockDevice.create(image, 96L << 20)) {
            Mkfs.format(d, MkfsOptions.defaults("test:pnfs2").withJournals(2, 256).withRgrpBlocks(2048));
        }
        // Two opens of the image: each node has its own view of the shared device.
        mdsDevice = FileBlockDevice.open(image);
        dsDevice = FileBlockDevice.open(image);
        mdsFs = FileSystems.mount(mdsDevice, MountOptions.of(0, locks));
        dsFs = FileSystems.mount(dsDevice, MountOptions.of(1, locks));
        mdsFs.mkdir(mdsFs.root(), "export", 0777, 0, 0);
        mdsVfs = new GfsVirtualFileSystem(mdsFs, Clock.systemUTC());
        dsVfs = new GfsVirtualFileSystem(dsFs, Clock.systemUTC());
        ExportTable exports = new ExportsParser().parse(EXPORTS, "test-exports");
        provider = new FilesLayoutProvider(mdsFs, table, new DeviceRegistry(1, List.of()), config, scheduler,
                LayoutRevocations.NONE);
        mds = Nfs41Server.builder().bindAddress("127.0.0.1").port(0).fileSystem(mdsVfs).exports(exports)
                .metadataServer(provider).operations(PnfsOperations.metadataServer(table)).workerThreads(4)
                .config(EngineConfig.defaults()).reapPeriod(Duration.ofDays(1)).start();
        provider.attach(new BackchannelLayoutRecaller(mds.services(), table, scheduler));
        check = provider.dataServerCheck(mds.services().states());
        writePath = new MetadataServerLinkService(InProcessPnfs.link(provider.unwrittenExtents()));
        control = startControl(new InetSocketAddress("127.0.0.1", 0));
        controlAddress = control.address();
        List<DataServerAddress> addresses = new ArrayList<>();
        for (int i = 0; i < dataServerCount; i++) {
            DataServer.Builder b = DataServer.builder().port(0).fileSystem(dsFs, dsDevice).attributes(dsVfs)
                    .exports(exports).workerThreads(4);
            RemoteDataServer ds = RemoteDataServer.start(b, new NodeEndpoint("node0", controlAddress), key,
                    "node1", Duration.ofSeconds(2), Clock.systemUTC());
            dataServers.add(ds);
            addresses.add(new DataServerAddress("node1-ds" + i, "127.0.0.1", ds.address().getPort()));
        }
        provider.dataServersChanged(addresses);
    }

    /** The MDS node's control channel becomes unreachable (its server stops; the MDS itself keeps running). */
    void stopControl() throws IOException {
        control.close();
    }

    /** The MDS node's control channel answers again, on the same address. */
    void restartControl() throws IOException {
        control = startControl(controlAddress);
    }

    private ControlServer startControl(InetSocketAddress at) throws IOException {
        return ControlServer.builder().key(key).nodeName("node0").address(at)
                .providers(ControlProviders.builder().stateidAuthority(this::verdict).writePath(writePath).build())
                .build().start();
    }

    /** The MDS's verdict as the node's MdsStateidAuthority gives it, cacheable for the configured time. */
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
        return new StateidVerdict(out, out == StateidVerdict.Verdict.VALID ? verdictTtl : Duration.ZERO,
                v.clientId());
    }

    @Override
    public void close() throws Exception {
        for (RemoteDataServer ds : dataServers) {
            ds.close();
        }
        control.close();
        mds.close();
        scheduler.shutdownNow();
        dsVfs.close();
        mdsVfs.close();
        dsFs.close();
        mdsFs.close();
        locks.close();
        dsDevice.close();
        mdsDevice.close();
    }
}
