package org.gfspnfs.node.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.gfspnfs.conf.ClusterConf;
import org.gfspnfs.conf.ClusterNode;
import org.gfspnfs.conf.Role;
import org.gfspnfs.conf.Timing;
import org.gfspnfs.dlm.core.DlmConfig;
import org.gfspnfs.dlm.core.DlmNode;
import org.gfspnfs.dlm.glock.DlmLockModule;
import org.gfspnfs.membership.FenceAgents;
import org.gfspnfs.membership.api.Member;
import org.gfspnfs.membership.fence.FenceCoordinator;
import org.gfspnfs.membership.fence.ManualFenceAck;
import org.gfspnfs.membership.hazelcast.HazelcastMemberView;
import org.gfspnfs.membership.hazelcast.MembershipRefusedException;
import org.gfspnfs.membership.recovery.RecoverySequence;
import org.gfspnfs.membership.sbd.DiskFenceLedger;
import org.gfspnfs.membership.sbd.FenceAreas;
import org.gfspnfs.membership.sbd.HaltAction;
import org.gfspnfs.membership.sbd.IoGate;
import org.gfspnfs.membership.sbd.SelfFenceWatchdog;
import org.gfspnfs.node.daemon.DaemonException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What makes a node process a member of a multi-node cluster (the roles cman, votequorum, fenced, sbd and
 * dlm_controld played): the Hazelcast member view, the disk-fence watchdog and the I/O gate it keeps open, the
 * fence coordinator with the operator's manual acknowledgement, the node's DLM, and the recovery sequence of
 * DESIGN.md that drives them when a member is lost.
 *
 * <p>Start order matters. The view comes first (it refuses a stranger before anything touches the disk). The node
 * then waits for quorum, because the I/O gate opens only while the partition is quorate and the watchdog has read
 * this node's fence slot clean: mounting replays the node's own journal, which is a write. The DLM follows, and
 * grants nothing before its first recovery including this node has completed. Closing runs the same steps
 * backwards; a node that closes orderly leaves Hazelcast, which the others see as a loss.
 */
public final class ClusterStack implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterStack.class);
    /** Exit status of a node that halts itself (poison pill, lost quorum): 128 + SIGKILL, as a killed node. */
    static final int SELF_FENCE_STATUS = 137;

    private final ClusterConf conf;
    private final ClusterNode self;
    private final Deque<AutoCloseable> opened = new ArrayDeque<>();
    private final ManualFenceAck acks;
    private final NodeRecoveryHooks hooks;
    private HazelcastMemberView view;
    private FenceAreas areas;
    private DiskFenceLedger ledger;
    private SelfFenceWatchdog watchdog;
    private IoGate gate;
    private FenceCoordinator fencer;
    private DlmNode dlm;
    private RecoverySequence recovery;
    private DeadlockHistory deadlocks;

    private ClusterStack(ClusterConf conf, ClusterNode self, Clock clock) {
        this.conf = conf;
        this.self = self;
        this.acks = new ManualFenceAck(clock);
        this.hooks = new NodeRecoveryHooks(conf);
    }

    /**
     * Joins the cluster as {@code self} and waits (up to {@code quorumWait}) until this partition is quorate and
     * the node may write, then starts its DLM. {@code clock} must be monotonic: the I/O gate's write lease is
     * measured with it.
     */
    public static ClusterStack start(ClusterConf conf, ClusterNode self, Clock clock, Path workDir,
                                     Duration quorumWait) throws DaemonException {
        ClusterStack s = new ClusterStack(conf, self, clock);
        try {
            s.join(clock);
            s.fencing(clock, workDir);
            s.awaitWritable(clock, quorumWait);
            s.startDlm(clock);
            s.awaitDlm(quorumWait);
            return s;
        } catch (DaemonException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private void join(Clock clock) throws DaemonException {
        long incarnation = clock.millis();
        try {
            view = HazelcastMemberView.start(conf, self.name(), incarnation, null, clock);
        } catch (MembershipRefusedException e) {
            throw new DaemonException(e.getMessage(), e);
        }
        opened.push(view);
        LOG.info("node {} joined cluster {} as incarnation {}: members {}", self.name(), conf.name(), incarnation,
                memberNames());
    }

    private void fencing(Clock clock, Path workDir) throws DaemonException {
        Timing timing = conf.timing();
        areas = new FenceAreas(conf);
        opened.push(areas);
        gate = new IoGate(clock, timing.watchdogTimeout(), this::quorate);
        try {
            ledger = DiskFenceLedger.open(conf, areas, clock);
            watchdog = new SelfFenceWatchdog(self.nodeId(), view.self().incarnation(), areas.openWatched(),
                    this::quorate, timing.watchdogTimeout(), timing.selfFenceTimeout(), gate,
                    HaltAction.runtimeHalt(SELF_FENCE_STATUS), clock);
            watchdog.start();
        } catch (IOException e) {
            throw new DaemonException("cannot open the disk fence area of " + conf.filesystem().device() + ": "
                    + e.getMessage(), e);
        }
        opened.push(watchdog);
        Path agentDir = workDir.resolve("fence");
        try {
            Files.createDirectories(agentDir);
        } catch (IOException e) {
            throw new DaemonException("cannot create " + agentDir + ": " + e.getMessage(), e);
        }
        fencer = new FenceCoordinator(conf, FenceAgents.of(conf, areas, self.nodeId(), acks, agentDir, clock),
                acks, this::quorate, Duration.ofSeconds(5), clock);
        opened.push(fencer);
    }

    /** Blocks until the watchdog has opened the I/O gate (quorate and own fence slot read clean). */
    private void awaitWritable(Clock clock, Duration wait) throws DaemonException {
        long deadline = System.nanoTime() + wait.toNanos();
        long nextLog = 0;
        while (!gate.permitsWrite()) {
            long now = System.nanoTime();
            if (now - deadline > 0) {
                throw new DaemonException("node " + self.name() + " is not quorate after " + wait.toSeconds()
                        + " s (members " + memberNames() + ", quorum needs " + view.quorum().quorum()
                        + " votes): start more nodes of " + conf.name() + ", or check their membership addresses");
            }
            if (now - nextLog > 0) {
                LOG.info("node {} waits for quorum: members {}, {} of {} votes needed", self.name(), memberNames(),
                        view.quorum().quorum(), view.quorum().expectedVotes());
                nextLog = now + Duration.ofSeconds(5).toNanos();
            }
            sleep(Duration.ofMillis(50));
        }
    }

    private void startDlm(Clock clock) throws DaemonException {
        // The resource directory lives on the MDS nodes (Linux dlm: the others have weight 0): the MDS creates and
        // locks nearly every resource first, and finds its masters without asking another node. A DS node's first
        // lock on a file asks the MDS node, which it mostly would anyway. Without a live MDS node, all members share it.
        Set<Integer> mdsNodes = conf.nodes().stream().filter(n -> n.hasRole(Role.MDS)).map(ClusterNode::nodeId)
                .collect(Collectors.toSet());
        DlmConfig config = DlmConfig.defaults(self.nodeId(), view.self().incarnation())
                .withBindAddress(self.dlm().toSocketAddress()).withDirectoryNodes(mdsNodes);
        try {
            dlm = DlmNode.start(config, address -> view);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DaemonException("interrupted while starting the DLM", e);
        } catch (RuntimeException e) {
            throw new DaemonException("cannot start the DLM on " + self.dlm() + ": " + e.getMessage(), e);
        }
        opened.push(dlm);
        deadlocks = DeadlockHistory.start(dlm, Duration.ofSeconds(5), clock);
        opened.push(deadlocks);
        hooks.dlm(dlm);
        recovery = new RecoverySequence(conf, view, fencer, ledger, view::fenced, hooks, Duration.ofSeconds(1),
                conf.timing().heartbeat().multipliedBy(2), clock);
        recovery.start();
        opened.push(recovery);
    }

    /** The DLM grants nothing before its first recovery that includes this node; mounting needs grants. */
    private void awaitDlm(Duration wait) throws DaemonException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!dlm.running()) {
            if (System.nanoTime() - deadline > 0) {
                throw new DaemonException("the DLM of node " + self.name() + " did not finish joining within "
                        + wait.toSeconds() + " s (state " + dlm.snapshot().state() + ", members "
                        + dlm.members() + "): check that every member reaches " + self.dlm());
            }
            sleep(Duration.ofMillis(20));
        }
        LOG.info("node {}: DLM running with members {}", self.name(), dlm.members());
    }

    /** Whether a survivor has recorded the fencing of the lost life of {@code nodeId} (its FENCED record). */
    boolean fenceConfirmed(int nodeId) {
        for (Member m : view.snapshot().awaitingFence()) {
            if (m.nodeId() == nodeId) {
                try {
                    return ledger.confirmation(nodeId, m.incarnation()).isPresent();
                } catch (IOException e) {
                    LOG.warn("cannot read the fence slot of node {}: {}", nodeId, e.toString());
                    return false;
                }
            }
        }
        return false;
    }

    /** Whether {@code member}'s life ended with an orderly leave (its LEFT record is in its fence slot). */
    boolean leftCleanly(Member member) {
        try {
            return ledger.leftCleanly(member.nodeId(), member.incarnation());
        } catch (IOException e) {
            LOG.warn("cannot read the fence slot of node {}: {}", member.nodeId(), e.toString());
            return false;
        }
    }

    private boolean quorate() {
        return view.snapshot().quorate();
    }

    private List<String> memberNames() {
        return view.snapshot().members().stream().map(m -> m.name()).toList();
    }

    private static void sleep(Duration d) throws DaemonException {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DaemonException("interrupted while joining the cluster", e);
        }
    }

    /**
     * The glocks of this node's mount: one DLM lock per glock in the filesystem's lockspace, with lock_dlm's
     * dead-node rule (a lost member's slot holds back grants until its journal is replayed).
     */
    public DlmLockModule lockModule() {
        return new DlmLockModule(dlm, view, nodeId -> JournalSlots.of(conf, nodeId).orElse(-1));
    }

    public HazelcastMemberView view() {
        return view;
    }

    /** Every write to the shared device passes this gate first. */
    public IoGate gate() {
        return gate;
    }

    public DlmNode dlm() {
        return dlm;
    }

    public FenceCoordinator fencer() {
        return fencer;
    }

    public ManualFenceAck acks() {
        return acks;
    }

    public RecoverySequence recovery() {
        return recovery;
    }

    public DeadlockHistory deadlocks() {
        return deadlocks;
    }

    /** Where recovery finds this node's filesystem and pNFS roles once they run. */
    public NodeRecoveryHooks hooks() {
        return hooks;
    }

    public ClusterNode self() {
        return self;
    }

    public ClusterConf conf() {
        return conf;
    }

    /**
     * The orderly leave, after the filesystem was unmounted cleanly (journal CLEAN, glocks released): the DLM
     * leaves, the I/O gate closes for good, the watchdog and the recovery machinery stop, and only then the LEFT
     * record for this life goes into the node's fence slot, forced to disk, before Hazelcast is left gracefully.
     * The survivors read that record when they see this node go, so they neither fence it nor replay its journal
     * (membership/README.md, "Clean leave"). Without the record a stop looks like a crash to them, which is the
     * safe reading whenever this node cannot vouch for its state.
     */
    public void leave() {
        closeQuietly(deadlocks);
        closeQuietly(dlm);
        gate.close("left the cluster");
        closeQuietly(watchdog);
        closeQuietly(recovery);
        closeQuietly(fencer);
        try {
            ledger.recordLeft(self.nodeId(), view.self().incarnation());
            LOG.info("node {}: LEFT record written; leaving the cluster", self.name());
        } catch (IOException e) {
            LOG.warn("node {}: cannot write the LEFT record ({}); the others will fence this node", self.name(),
                    e.toString());
        }
        close();
    }

    private void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        opened.remove(c);
        try {
            c.close();
        } catch (Exception e) {
            LOG.warn("node {}: closing {} failed: {}", self.name(), c.getClass().getSimpleName(), e.toString());
        }
    }

    /**
     * Leaves the cluster as a crash would look to the others (no LEFT record: they fence this node and replay its
     * journal): recovery, DLM, fencing, watchdog, then Hazelcast; each step runs even if one fails.
     */
    @Override
    public void close() {
        while (!opened.isEmpty()) {
            AutoCloseable c = opened.pop();
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("node {}: closing {} failed: {}", self.name(), c.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
