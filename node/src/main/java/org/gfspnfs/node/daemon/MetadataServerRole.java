package org.gfspnfs.node.daemon;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.gfspnfs.conf.HostPort;
import org.gfspnfs.control.spi.RevocationListener;
import org.gfspnfs.gfs.FileSystem;
import org.gfspnfs.mds.layout.DataServerAddress;
import org.gfspnfs.mds.layout.DeviceRegistry;
import org.gfspnfs.mds.layout.FilesLayoutConfig;
import org.gfspnfs.mds.layout.FilesLayoutProvider;
import org.gfspnfs.mds.vfs.GfsVirtualFileSystem;
import org.gfspnfs.nfs41.export.ExportTable;
import org.gfspnfs.nfs41.export.PnfsMode;
import org.gfspnfs.nfs41.ops.PnfsOperations;
import org.gfspnfs.nfs41.pnfs.LayoutStateTable;
import org.gfspnfs.nfs41.server.Nfs41Server;
import org.gfspnfs.nfs41.state.RecoveryStore;
import org.gfspnfs.nfs41.status.NfsException;

/**
 * The pNFS metadata server of a node (RFC 8881 section 12, files layout of chapter 13, flexfiles of RFC 8435, chosen
 * per export by its {@code pnfs=} option): the NFSv4.1 engine in MDS role over the mounted filesystem, the layout
 * provider with its layout stateid table and device registry,
 * CB_LAYOUTRECALL through the backchannel, and the recall of layouts whose file was truncated or removed. Owns the
 * scheduler of the recall timers and the thread that takes back the stateid-verdict leases of data servers in
 * other processes ({@link MdsStateidAuthority}). {@link #close()} stops the server first, then the timers, then
 * releases the open holds; the filesystem stays mounted (the daemon unmounts it after every role is down).
 */
final class MetadataServerRole implements AutoCloseable {
    private final ScheduledExecutorService scheduler;
    private final ExecutorService leaseRechecks;
    private final LayoutStateTable table = new LayoutStateTable();
    private final FilesLayoutProvider provider;
    private final GfsVirtualFileSystem vfs;
    private final Nfs41Server server;
    private final MdsStateidAuthority authority;

    private MetadataServerRole(FileSystem fs, ExportTable exports, RecoveryStore recovery, HostPort at, Clock clock,
                               long instanceId, RevocationListener remoteDataServers) throws IOException {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "mds-layout-recalls"));
        leaseRechecks = Executors.newSingleThreadExecutor(r -> daemon(r, "mds-verdict-leases"));
        // Data servers in other processes cache VALID verdicts under a lease; the authority takes leases back when
        // state shrinks (it listens to the state manager and the layout table) or a recall times out.
        authority = new MdsStateidAuthority(clock, MdsStateidAuthority.DEFAULT_LEASE,
                MdsStateidAuthority.DEFAULT_CAPACITY, remoteDataServers, leaseRechecks);
        try {
            provider = new FilesLayoutProvider(fs, table, new DeviceRegistry(instanceId, List.of()),
                    FilesLayoutConfig.defaults(), scheduler, authority, layoutTypes(exports));
            vfs = new GfsVirtualFileSystem(fs, clock, provider::truncatedOrRemoved);
        } catch (RuntimeException e) {
            scheduler.shutdownNow();
            leaseRechecks.shutdownNow();
            throw e;
        }
        try {
            server = Nfs41Server.builder().bindAddress(at.host()).port(at.port()).fileSystem(vfs).exports(exports)
                    .recoveryStore(recovery).clock(clock).metadataServer(provider).layoutStates(table)
                    .operations(PnfsOperations.metadataServer(table)).start();
        } catch (IOException | RuntimeException e) {
            scheduler.shutdownNow();
            leaseRechecks.shutdownNow();
            try {
                vfs.close();
            } catch (NfsException | RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
        authority.attach(provider.dataServerCheck(server.services().states())::check);
        server.services().states().addChangeListener(authority);
        table.addChangeListener(authority);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * The layout types the exports hand out (option {@code pnfs=files|flexfiles|none}, files by default), files
     * first. The provider offers exactly these; the engine gives each export only its own type (fs_layout_types,
     * LAYOUTGET), so the client loads the files or the flexfiles driver per mount.
     */
    static int[] layoutTypes(ExportTable exports) {
        return exports.exports().stream().flatMap(e -> e.rules().stream()).map(r -> r.options().pnfs())
                .filter(m -> m != PnfsMode.NONE).distinct().sorted().mapToInt(PnfsMode::layoutType).toArray();
    }

    /**
     * Starts the MDS on {@code at}. {@code instanceId} names this MDS incarnation in device ids, so a client never
     * confuses a device of an earlier run with the current one. {@code remoteDataServers} carries REVOKE_STATE to
     * the data servers of other node processes.
     */
    static MetadataServerRole start(FileSystem fs, ExportTable exports, RecoveryStore recovery, HostPort at,
                                    Clock clock, long instanceId, RevocationListener remoteDataServers)
            throws IOException {
        return new MetadataServerRole(fs, exports, recovery, at, clock, instanceId, remoteDataServers);
    }

    Nfs41Server server() {
        return server;
    }

    GfsVirtualFileSystem vfs() {
        return vfs;
    }

    FilesLayoutProvider provider() {
        return provider;
    }

    LayoutStateTable layouts() {
        return table;
    }

    MdsStateidAuthority stateidAuthority() {
        return authority;
    }

    /** The data servers new layouts stripe over, in stripe order; holders of older layouts are recalled. */
    void dataServersChanged(List<DataServerAddress> dataServers) {
        provider.dataServersChanged(dataServers);
    }

    @Override
    public void close() throws Exception {
        try {
            server.close();
        } finally {
            scheduler.shutdownNow();
            leaseRechecks.shutdownNow();
            vfs.close();
        }
    }
}
