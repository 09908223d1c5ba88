package org.gfspnfs.node.daemon;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.gfspnfs.conf.ClusterConf;
import org.gfspnfs.conf.ClusterNode;
import org.gfspnfs.conf.HostPort;
import org.gfspnfs.conf.Role;
import org.gfspnfs.control.auth.ClusterKey;
import org.gfspnfs.control.client.NodeEndpoint;
import org.gfspnfs.control.server.ControlServer;
import org.gfspnfs.control.spi.ControlProviders;
import org.gfspnfs.control.spi.RevocationListener;
import org.gfspnfs.ds.DataServer;
import org.gfspnfs.ds.MetadataServerLinkService;
import org.gfspnfs.ds.RemoteDataServer;
import org.gfspnfs.gfs.FileSystem;
import org.gfspnfs.gfs.FileSystems;
import org.gfspnfs.gfs.GfsException;
import org.gfspnfs.gfs.MountOptions;
import org.gfspnfs.gfs.device.BlockDevice;
import org.gfspnfs.gfs.device.FileBlockDevice;
import org.gfspnfs.gfs.device.WriteBehindDevice;
import org.gfspnfs.gfs.lock.LockModule;
import org.gfspnfs.mds.layout.DataServerAddress;
import org.gfspnfs.mds.vfs.GfsVirtualFileSystem;
import org.gfspnfs.membership.MonotonicClock;
import org.gfspnfs.membership.api.MemberEvent;
import org.gfspnfs.membership.api.MemberView;
import org.gfspnfs.nfs41.export.ExportTable;
import org.gfspnfs.nfs41.export.ExportsParser;
import org.gfspnfs.nfs41.state.FileRecoveryStore;
import org.gfspnfs.node.cluster.ClusterMembershipStatus;
import org.gfspnfs.node.cluster.ClusterStack;
import org.gfspnfs.node.cluster.DlmLockspaceControl;
import org.gfspnfs.node.cluster.DlmLockspaceView;
import org.gfspnfs.node.cluster.GatedBlockDevice;
import org.gfspnfs.node.cluster.JournalSlots;
import org.gfspnfs.node.cluster.ManualFenceControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node's daemon: mounts the shared filesystem with the node's journal and takes the roles cluster.conf gives
 * the node. The journal slot is the node's position in nodeid order (node ids may have gaps; slots may not).
 *
 * <p>Roles served today: the pNFS metadata server (files layouts, RFC 8881 chapters 12-13) on the node's
 * {@code nfs_mds} endpoint; a data server on the node's {@code nfs_ds} endpoint, plus any extra local endpoints
 * the options name (single-process demo), all validating against and allocating through the MDS of this process;
 * and the control channel on the node's {@code control} endpoint, authenticated with the cluster key.
 *
 * <p>Alone on the device ({@link DaemonOptions.Membership#SINGLE_PROCESS}) the node's glocks are local and it
 * sees itself as the only member. As a cluster member ({@link DaemonOptions.Membership#CLUSTER}) it first joins
 * the cluster ({@link ClusterStack}: Hazelcast view, quorum, fence watchdog and I/O gate, DLM, recovery sequence),
 * then mounts with DLM-backed glocks through the gated device, and the control channel answers membership,
 * fencing and lockspace queries from that stack.
 *
 * <p>{@link #close()} is the clean shutdown: stop the control channel, the data servers, then the metadata
 * server (releasing open holds), commit the journal and mark it clean (gfs-layout unmount), release the lock
 * module, close the device. Every resource is closed in the reverse order it was opened, also when a start fails
 * half-way.
 */
public final class NodeDaemon implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NodeDaemon.class);
    /** Bound on telling one data-server node of a revocation (REVOKE_STATE); its lease runs out regardless. */
    private static final Duration REVOKE_TIMEOUT = Duration.ofSeconds(2);
    /**
     * Data written after which the device is flushed in the background ({@link WriteBehindDevice}): one-stream 1 GiB
     * writes with their COMMIT went from 1.1-1.5 to 1.8-2.7 GB/s on the demo, the disk writing while the network
     * still delivers.
     */
    private static final long WRITE_BEHIND_BYTES = 32L << 20;

    private final ClusterNode self;
    private final int journalId;
    private final Deque<Closer> opened = new ArrayDeque<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private DaemonState state = DaemonState.STARTING;
    /** During {@link #close()}: every step so far succeeded. */
    private volatile boolean closedCleanly = true;
    private FileBlockDevice device;
    /** The device as the filesystem and data servers write it: through write-behind and, in a cluster, the gate. */
    private BlockDevice shared;
    private ClusterStack cluster;
    private FileSystem fs;
    private MetadataServerRole mds;
    private LocalDataServers dataServers;
    private RemoteDataServer remoteDs;
    private RemoteDataServerRevocations remoteRevocations;
    private MdsStateView nfsState;
    private ExportTable exports;
    private ControlServer control;

    @FunctionalInterface
    private interface Closer {
        void close() throws Exception;
    }

    private NodeDaemon(ClusterNode self, int journalId) {
        this.self = self;
        this.journalId = journalId;
    }

    /** Starts every role of {@code options.nodeName()}; on failure everything opened so far is closed again. */
    public static NodeDaemon start(DaemonOptions options) throws DaemonException {
        ClusterConf conf = options.conf();
        ClusterNode self = conf.node(options.nodeName()).orElseThrow(() -> new DaemonException(
                "node " + options.nodeName() + " is not in cluster.conf (nodes: "
                        + conf.nodes().stream().map(ClusterNode::name).toList() + ")"));
        NodeDaemon d = new NodeDaemon(self, journalSlot(conf, self));
        try {
            ClusterKey key = readKey(conf);
            if (options.membership() == DaemonOptions.Membership.CLUSTER) {
                d.joinCluster(options);
            }
            d.mount(options);
            ClusterNode activeMds = activeMds(conf);
            boolean servesMds = activeMds.nodeId() == self.nodeId();
            if (self.hasRole(Role.MDS) && !servesMds) {
                // cluster.conf: "several give failover: the live one with the lowest nodeid is active". Taking the
                // role over when the active one dies is not built yet, so a standby serves only its other roles.
                LOG.warn("node {} has the mds role but {} (lower nodeid) is the active MDS; this node stands by "
                        + "(MDS failover is not implemented yet) and serves its data server", self.name(),
                        activeMds.name());
            }
            if (servesMds) {
                d.serveMds(options, key);
                d.serveDataServers(options);
            } else if (self.hasRole(Role.DS)) {
                d.serveRemoteDataServer(options, key);
            }
            d.serveControl(options, key);
            d.moveTo(DaemonState.RUNNING);
            LOG.info("node {} (nodeid {}) running: journal {}, roles {}", self.name(), self.nodeId(), d.journalId,
                    self.roles());
            return d;
        } catch (DaemonException | RuntimeException e) {
            d.close();
            throw e;
        }
    }

    /** The node serving the MDS: the first with the mds role in nodeid order (cluster.conf requires one). */
    private static ClusterNode activeMds(ClusterConf conf) throws DaemonException {
        return conf.nodes().stream().filter(n -> n.hasRole(Role.MDS)).min(java.util.Comparator.comparingInt(
                ClusterNode::nodeId)).orElseThrow(() -> new DaemonException("cluster.conf names no node with the "
                + "mds role"));
    }

    /** The journal a node writes: its index among all nodes in nodeid order. */
    public static int journalSlot(ClusterConf conf, ClusterNode node) {
        return JournalSlots.of(conf, node.nodeId()).orElseThrow();
    }

    private static ClusterKey readKey(ClusterConf conf) throws DaemonException {
        Path file = conf.keyFile();
        if (!Files.isRegularFile(file)) {
            throw new DaemonException("control-channel key " + file + " does not exist (create it once and copy it "
                    + "to every node: head -c 32 /dev/urandom > " + file + "; chmod 600 " + file + ")");
        }
        try {
            return ClusterKey.read(file);
        } catch (IOException | IllegalArgumentException e) {
            throw new DaemonException("cannot read control-channel key " + file + ": " + e.getMessage(), e);
        }
    }

    private void joinCluster(DaemonOptions options) throws DaemonException {
        // The fence gate's write lease must not jump with wall-clock corrections.
        cluster = ClusterStack.start(options.conf(), self, new MonotonicClock(), options.stateDir(),
                options.quorumWait());
        ClusterStack stack = cluster;
        // Orderly only when everything before it (the unmount above all) closed cleanly; else a crash to the others.
        opened.push(() -> {
            if (closedCleanly) {
                stack.leave();
            } else {
                stack.close();
            }
        });
    }

    private void mount(DaemonOptions options) throws DaemonException {
        ClusterConf conf = options.conf();
        Path devicePath = conf.filesystem().device();
        if (journalId >= conf.filesystem().journals()) {
            throw new DaemonException("node " + self.name() + " needs journal " + journalId + " but cluster.conf "
                    + "declares " + conf.filesystem().journals());
        }
        try {
            device = FileBlockDevice.open(devicePath);
        } catch (NoSuchFileException e) {
            throw new DaemonException("shared device " + devicePath + " does not exist (format it with "
                    + "'gfspnfs mkfs')", e);
        } catch (IOException e) {
            throw new DaemonException("cannot open shared device " + devicePath + ": " + e.getMessage(), e);
        }
        FileBlockDevice dev = device;
        opened.push(dev::close);
        ExecutorService flusher = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "device-write-behind");
            t.setDaemon(true);
            return t;
        });
        opened.push(() -> {
            // Not shutdownNow: an interrupt closes a FileChannel in the middle of its force().
            flusher.shutdown();
            flusher.awaitTermination(30, TimeUnit.SECONDS);
        });
        BlockDevice gated = cluster == null ? device : new GatedBlockDevice(device, cluster.gate());
        // Above the gate: a background flush is disk I/O like any other, and a fenced node does none.
        shared = new WriteBehindDevice(gated, WRITE_BEHIND_BYTES, flusher);
        LockModule locks = cluster == null ? options.locks().create(conf, self) : cluster.lockModule();
        opened.push(locks::close);
        try {
            fs = FileSystems.mount(shared, MountOptions.of(journalId, locks).withClock(options.clock())
                    .withCacheBlocks(options.metadataCacheBlocks()));
        } catch (GfsException e) {
            throw new DaemonException("cannot mount " + devicePath + " with journal " + journalId + ": "
                    + e.getMessage(), e);
        }
        FileSystem mounted = fs;
        opened.push(mounted::close);
        if (cluster != null) {
            cluster.hooks().fileSystem(fs);
        }
        String want = conf.filesystem().lockTable().toString();
        if (!fs.info().lockTable().equals(want)) {
            throw new DaemonException("device " + devicePath + " belongs to lock table " + fs.info().lockTable()
                    + ", cluster.conf says " + want);
        }
        if (fs.info().journalCount() <= journalId) {
            throw new DaemonException("device " + devicePath + " has " + fs.info().journalCount()
                    + " journals; node " + self.name() + " needs journal " + journalId);
        }
    }

    private void serveMds(DaemonOptions options, ClusterKey key) throws DaemonException {
        exports = readExports(options.exportsFile());
        RevocationListener toOtherNodes = revocation -> 0; // one process: every data server is in-process
        if (cluster != null) {
            remoteRevocations = new RemoteDataServerRevocations(options.conf(), self, key, REVOKE_TIMEOUT,
                    options.clock());
            RemoteDataServerRevocations r = remoteRevocations;
            opened.push(r::close);
            toOtherNodes = r;
        }
        Path clients = options.stateDir().resolve("nfs4-clients");
        FileRecoveryStore recovery;
        try {
            recovery = new FileRecoveryStore(clients);
        } catch (IOException e) {
            throw new DaemonException("cannot read the NFS client list " + clients + ": " + e.getMessage(), e);
        }
        HostPort at = self.nfsMds();
        try {
            mds = MetadataServerRole.start(fs, exports, recovery, at, options.clock(), options.clock().millis(),
                    toOtherNodes);
        } catch (IOException e) {
            throw listenFailure("the NFS metadata server", at, e);
        }
        MetadataServerRole role = mds;
        opened.push(role::close);
        nfsState = new MdsStateView(mds, options.clock());
        LOG.info("pNFS metadata server listening on {}", mds.server().address());
    }

    /** The node's own DS endpoint (with the ds role) and the extra local ones, in that stripe order. */
    private void serveDataServers(DaemonOptions options) throws DaemonException {
        List<LocalDataServers.Endpoint> endpoints = new ArrayList<>();
        if (self.hasRole(Role.DS)) {
            endpoints.add(new LocalDataServers.Endpoint(self.name(), self.nfsDs(), self.advertisedDs()));
        }
        int n = endpoints.size();
        for (HostPort extra : options.extraDataServers()) {
            n++;
            endpoints.add(new LocalDataServers.Endpoint(self.name() + "-ds" + n, extra,
                    extra.withHost(self.advertise())));
        }
        if (endpoints.isEmpty() && cluster == null) {
            LOG.warn("node {} serves the MDS without any data server in this process: LAYOUTGET answers "
                    + "LAYOUTUNAVAILABLE and clients do all I/O through the MDS", self.name());
            return;
        }
        if (!endpoints.isEmpty()) {
            try {
                dataServers = LocalDataServers.start(endpoints, fs, shared, mds, exports, options.clock());
            } catch (IOException e) {
                // The message names the endpoint that failed.
                throw new DaemonException("cannot start the pNFS " + e.getMessage() + (causedByBind(e)
                        ? " (the port is busy or the address is not this host's)" : ""), e);
            }
            LocalDataServers ds = dataServers;
            opened.push(ds::close);
            LOG.info("pNFS data servers listening on {}, advertised as {}", ds.listening(), ds.addresses());
        }
        List<DataServerAddress> local = dataServers == null ? List.of() : dataServers.addresses();
        if (cluster == null) {
            announceDataServers(local);
            return;
        }
        // In a cluster the other members' data servers join the stripe as they join the view.
        DataServerDirectory directory = DataServerDirectory.follow(options.conf(), self, local,
                this::announceDataServers, cluster.view());
        opened.push(directory::close);
    }

    private void announceDataServers(List<DataServerAddress> list) {
        if (remoteRevocations != null) {
            remoteRevocations.follow(list);
        }
        mds.dataServersChanged(list);
        nfsState.dataServers(list);
        LOG.info("pNFS layouts stripe over {}", list);
    }

    /**
     * The data server of a node without the MDS: over this node's own mount, asking the MDS node (the first node
     * with the mds role in cluster.conf) for stateid verdicts and unwritten allocations over the control channel.
     */
    private void serveRemoteDataServer(DaemonOptions options, ClusterKey key) throws DaemonException {
        ClusterNode mdsNode = activeMds(options.conf());
        exports = readExports(options.exportsFile());
        HostPort listen = self.nfsDs();
        DataServer.Builder builder = DataServer.builder().bindAddress(listen.host()).port(listen.port())
                .fileSystem(fs, shared).attributes(new GfsVirtualFileSystem(fs, options.clock())).exports(exports);
        try {
            remoteDs = RemoteDataServer.start(builder, new NodeEndpoint(mdsNode.name(),
                    mdsNode.control().toSocketAddress()), key, self.name(), RemoteDataServer.DEFAULT_CALL_TIMEOUT,
                    options.clock());
        } catch (IOException e) {
            throw listenFailure("the pNFS data server", listen, e);
        }
        RemoteDataServer ds = remoteDs;
        opened.push(ds::close);
        if (cluster != null) {
            // A lease is only as good as the MDS that gave it: when the MDS node leaves the view (crash, restart,
            // partition), its leased verdicts go, and the next I/O asks whichever MDS answers then.
            MemberView.Registration r = cluster.view().addListener(e -> {
                if (e.kind() == MemberEvent.Kind.LEFT && e.member().name().equals(mdsNode.name())) {
                    LOG.info("MDS node {} left the view: {} leased stateid verdicts forgotten", mdsNode.name(),
                            ds.forgetVerdicts());
                }
            });
            opened.push(r::close);
        }
        LOG.info("pNFS data server listening on {} (advertised {}), MDS is {} at {}", ds.address(),
                self.advertisedDs(), mdsNode.name(), mdsNode.control());
    }

    /** The control channel, with the providers this process can honestly serve (absent ones: NOT_SERVED). */
    private void serveControl(DaemonOptions options, ClusterKey key) throws DaemonException {
        ControlProviders.Builder p = ControlProviders.builder()
                .filesystems(new GfsFilesystemView(options.conf(), fs, device));
        if (cluster == null) {
            p.membership(new SingleProcessMembership(options.conf(), self, options.clock()));
        } else {
            ClusterMembershipStatus status = new ClusterMembershipStatus(cluster, options.clock());
            p.membership(status).fencing(new ManualFenceControl(cluster, status))
                    .lockspaces(new DlmLockspaceView(cluster.dlm(), cluster.deadlocks(), options.clock()))
                    .lockspaceControl(new DlmLockspaceControl(cluster.dlm(),
                            options.conf().filesystem().lockTable().toString()));
        }
        if (mds != null) {
            p.nfsState(nfsState).nfsControl(nfsState).stateidAuthority(mds.stateidAuthority());
        }
        if (mds != null) {
            p.writePath(new MetadataServerLinkService(InProcessMdsLink.of(mds)));
        }
        if (dataServers != null) {
            p.revocations(dataServers);
        } else if (remoteDs != null) {
            p.revocations(remoteDs.revocations());
        }
        HostPort at = self.control();
        try {
            control = ControlServer.builder().key(key).address(at.toSocketAddress()).nodeName(self.name())
                    .clock(options.clock()).providers(p.build()).build().start();
        } catch (IOException e) {
            throw listenFailure("the control channel", at, e);
        }
        ControlServer server = control;
        opened.push(server::close);
        LOG.info("control channel listening on {}", control.address());
    }

    private static DaemonException listenFailure(String what, HostPort at, IOException e) {
        if (causedByBind(e)) {
            return new DaemonException("cannot start " + what + " on " + at + ": the port is busy or the address "
                    + "is not this host's (" + e.getMessage() + ")", e);
        }
        return new DaemonException("cannot start " + what + " on " + at + ": " + e.getMessage(), e);
    }

    private static boolean causedByBind(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    private static ExportTable readExports(Path file) throws DaemonException {
        if (!Files.isRegularFile(file)) {
            throw new DaemonException("exports file " + file + " does not exist (one line per export, as in "
                    + "exports(5): '/ 127.0.0.1(rw,no_root_squash)')");
        }
        try {
            return new ExportsParser().parse(file);
        } catch (IOException e) {
            throw new DaemonException("cannot read exports file " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new DaemonException("bad exports file: " + e.getMessage(), e);
        }
    }

    public ClusterNode node() {
        return self;
    }

    public int journalId() {
        return journalId;
    }

    public synchronized DaemonState state() {
        return state;
    }

    /** Where the NFS metadata server listens; null without the mds role. */
    public InetSocketAddress nfsAddress() {
        return mds == null ? null : mds.server().address();
    }

    /** Where this process's data servers listen, in stripe order; empty when it serves none. */
    public List<InetSocketAddress> dataServerAddresses() {
        if (remoteDs != null) {
            return List.of(remoteDs.address());
        }
        return dataServers == null ? List.of() : dataServers.listening();
    }

    /** What GETDEVICEINFO tells clients, in stripe order: "host:port" of each data server of this process. */
    public List<String> advertisedDataServers() {
        if (remoteDs != null) {
            return List.of(self.advertisedDs().toString());
        }
        return dataServers == null ? List.of() : dataServers.addresses().stream()
                .map(a -> a.host() + ":" + a.port()).toList();
    }

    /** Where the control channel listens. */
    public InetSocketAddress controlAddress() {
        return control == null ? null : control.address();
    }

    /** The mounted filesystem (for tools running inside the daemon). */
    public FileSystem fileSystem() {
        return fs;
    }

    /** Blocks until {@link #close()} has finished; false if the timeout passed first. */
    public boolean awaitStopped(long timeout, TimeUnit unit) throws InterruptedException {
        return stopped.await(timeout, unit);
    }

    private synchronized void moveTo(DaemonState next) {
        if (!state.canMoveTo(next)) {
            throw new IllegalStateException("daemon cannot go from " + state + " to " + next);
        }
        state = next;
    }

    /** Clean shutdown; idempotent. Errors are logged and leave the daemon FAILED rather than half-open. */
    @Override
    public void close() {
        boolean wasRunning;
        synchronized (this) {
            if (state == DaemonState.STOPPING || state.isTerminal()) {
                return;
            }
            wasRunning = state == DaemonState.RUNNING;
            moveTo(DaemonState.STOPPING);
        }
        boolean clean = true;
        // A start that failed half-way may leave a journal only this node's next mount replays: not a clean leave.
        closedCleanly = wasRunning;
        while (!opened.isEmpty()) {
            try {
                opened.pop().close();
            } catch (Exception e) {
                clean = false;
                closedCleanly = false;
                LOG.error("node {}: shutdown step failed: {}", self.name(), e.toString(), e);
            }
        }
        moveTo(clean ? DaemonState.STOPPED : DaemonState.FAILED);
        if (clean) {
            LOG.info("node {} stopped; journal {} is clean", self.name(), journalId);
        }
        stopped.countDown();
    }
}
