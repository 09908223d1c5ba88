package org.gfspnfs.ds;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.gfspnfs.control.api.StateidQuery;
import org.gfspnfs.control.api.StateidVerdict;
import org.gfspnfs.control.client.StateidVerdictCache;
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
import org.gfspnfs.nfs41.compound.EngineConfig;
import org.gfspnfs.nfs41.export.ExportTable;
import org.gfspnfs.nfs41.export.ExportsParser;
import org.gfspnfs.nfs41.ops.PnfsOperations;
import org.gfspnfs.nfs41.pnfs.LayoutStateTable;
import org.gfspnfs.nfs41.server.Nfs41Server;
import org.gfspnfs.nfs41.state.StateId;

/**
 * One process serving the MDS and {@code n} data servers on ephemeral 127.0.0.1 ports over one gfs image: the
 * single-node wiring the node daemon does (see the report / pnfs-mds LAYOUT.md), with the in-process adapters
 * from the MDS's {@link DataServerStateCheck} to the control channel's verdicts and from
 * {@link UnwrittenExtents} to {@link MetadataServerLink}.
 */
final class InProcessPnfs implements AutoCloseable {
    static final String EXPORTS = "/export 127.0.0.1(rw,no_root_squash)\n";

    final FileBlockDevice device;
    final LocalLockModule locks;
    final FileSystem fs;
    final GfsVirtualFileSystem vfs;
    final LayoutStateTable table = new LayoutStateTable();
    final FilesLayoutProvider provider;
    final Nfs41Server mds;
    final DataServerStateCheck check;
    final List<DataServer> dataServers = new ArrayList<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    private InProcessPnfs(Path dir, int n, FilesLayoutConfig config, Clock mdsClock, EngineConfig engine)
            throws IOException {
        Path image = dir.resolve("disk.img");
        try (FileBlockDevice d = FileBlockDevice.create(image, 64L << 20)) {
            Mkfs.format(d, MkfsOptions.defaults("test:pnfs").withJournals(2, 256).withRgrpBlocks(2048));
        }
        device = FileBlockDevice.open(image);
        locks = new LocalLockModule();
        fs = FileSystems.mount(device, MountOptions.of(0, locks).withClock(Clock.systemUTC()));
        fs.mkdir(fs.root(), "export", 0777, 0, 0);
        vfs = new GfsVirtualFileSystem(fs, Clock.systemUTC());
        ExportTable exports = new ExportsParser().parse(EXPORTS, "test-exports");
        provider = new FilesLayoutProvider(fs, table, new DeviceRegistry(1, List.of()), config, scheduler,
                LayoutRevocations.NONE);
        mds = Nfs41Server.builder().bindAddress("127.0.0.1").port(0).fileSystem(vfs).exports(exports)
                .clock(mdsClock).config(engine).metadataServer(provider)
                .operations(PnfsOperations.metadataServer(table)).workerThreads(4)
                .reapPeriod(Duration.ofDays(1)).start();
        provider.attach(new BackchannelLayoutRecaller(mds.services(), table, scheduler));
        check = provider.dataServerCheck(mds.services().states());
        List<DataServerAddress> addresses = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StateidVerdictCache verdicts = new StateidVerdictCache(this::verdict, Clock.systemUTC(), 1024);
            DataServer ds = DataServer.builder().port(0).fileSystem(fs, device).attributes(vfs).exports(exports)
                    .validator(new VerdictStateidValidator(verdicts))
                    .metadataServer(link(provider.unwrittenExtents())).workerThreads(4).start();
            dataServers.add(ds);
            addresses.add(new DataServerAddress("ds" + i, "127.0.0.1", ds.address().getPort()));
        }
        provider.dataServersChanged(addresses);
    }

    static InProcessPnfs start(Path dir, int dataServers, FilesLayoutConfig config) throws IOException {
        return start(dir, dataServers, config, Clock.systemUTC());
    }

    static InProcessPnfs start(Path dir, int dataServers, FilesLayoutConfig config, Clock mdsClock)
            throws IOException {
        return new InProcessPnfs(dir, dataServers, config, mdsClock, EngineConfig.defaults());
    }

    /** The in-process authority: the MDS's check, answered as the control channel would (never cached). */
    private StateidVerdict verdict(StateidQuery q) {
        ByteBuffer b = ByteBuffer.wrap(q.stateid());
        int seqid = b.getInt();
        byte[] other = new byte[12];
        b.get(other);
        DataServerStateCheck.Verdict v = check.check(q.fileHandle(), StateId.of(seqid, other),
                q.access() == org.gfspnfs.control.api.StateAccess.WRITE);
        StateidVerdict.Verdict out = switch (v.result()) {
            case VALID -> StateidVerdict.Verdict.VALID;
            case BAD_STATEID -> StateidVerdict.Verdict.BAD_STATEID;
            case EXPIRED -> StateidVerdict.Verdict.EXPIRED;
            case ADMIN_REVOKED -> StateidVerdict.Verdict.ADMIN_REVOKED;
            case OPEN_MODE -> StateidVerdict.Verdict.ACCESS_DENIED;
        };
        return new StateidVerdict(out, Duration.ZERO, v.clientId());
    }

    /** The in-process MDS link: the data server calls the MDS's allocator and ledger directly. */
    static MetadataServerLink link(UnwrittenExtents mds) {
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
        mds.close();
        scheduler.shutdownNow();
        vfs.close();
        fs.close();
        locks.close();
        device.close();
    }
}
