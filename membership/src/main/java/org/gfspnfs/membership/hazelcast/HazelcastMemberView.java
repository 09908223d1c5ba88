package org.gfspnfs.membership.hazelcast;

import com.hazelcast.cluster.InitialMembershipEvent;
import com.hazelcast.cluster.InitialMembershipListener;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.config.Config;
import com.hazelcast.config.ListenerConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import com.hazelcast.core.LifecycleListener;

import java.net.UnknownHostException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.gfspnfs.conf.ClusterConf;
import org.gfspnfs.conf.ClusterNode;
import org.gfspnfs.conf.VoteQuorum;
import org.gfspnfs.membership.api.Member;
import org.gfspnfs.membership.api.MemberListener;
import org.gfspnfs.membership.api.MemberView;
import org.gfspnfs.membership.api.ViewSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production {@link MemberView}: Hazelcast says who is alive (heartbeats, failure detection, as corosync did
 * for cman), everything else is ours: the join check against {@code cluster.conf}, incarnations, quorum with
 * votequorum's rules ({@link VoteQuorum}), and FENCED, which only {@link #fenced(Member)} (the fencing) can say.
 *
 * <p>A lost incarnation never comes back: if Hazelcast's split-brain merge brings a node back that was LEFT, it is
 * refused until it restarts with a new incarnation; and this node, if it is the one being merged (it was cut off),
 * leaves Hazelcast and stays inquorate, so its watchdog self-fences. All view changes and listener calls run on one
 * event executor, in order.
 */
public final class HazelcastMemberView implements MemberView, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HazelcastMemberView.class);

    private final ClusterConf conf;
    private final ClusterNode self;
    private final long incarnation;
    private final ExecutorService events;
    private final boolean ownsEvents;
    private final ViewState state;
    private volatile HazelcastInstance hazelcast;

    private HazelcastMemberView(ClusterConf conf, ClusterNode self, long incarnation, ExecutorService events,
                                boolean ownsEvents) {
        this.conf = conf;
        this.self = self;
        this.incarnation = incarnation;
        this.events = events;
        this.ownsEvents = ownsEvents;
        this.state = new ViewState(conf, self, incarnation);
    }

    /**
     * Joins the cluster as {@code nodeName}.
     *
     * @param events   runs every view change and listener call, one at a time; null for a thread of the view's own
     * @param clock    time for logs and the default incarnation
     * @throws MembershipRefusedException when the node is not in {@code conf}, or the cluster refuses this process
     */
    public static HazelcastMemberView start(ClusterConf conf, String nodeName, ExecutorService events, Clock clock)
            throws MembershipRefusedException {
        return start(conf, nodeName, clock.millis(), events, clock);
    }

    /** As {@link #start(ClusterConf, String, ExecutorService, Clock)} with a given incarnation. */
    public static HazelcastMemberView start(ClusterConf conf, String nodeName, long incarnation,
                                            ExecutorService events, Clock clock) throws MembershipRefusedException {
        Objects.requireNonNull(clock, "clock");
        ClusterNode self = conf.node(nodeName).orElseThrow(() -> new MembershipRefusedException("node '" + nodeName
                + "' is not in cluster.conf of cluster '" + conf.name() + "' (config_version "
                + conf.configVersion() + "; nodes: " + conf.nodes().stream().map(ClusterNode::name).toList() + ")"));
        boolean owns = events == null;
        ExecutorService executor = owns ? Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "member-view-" + self.nodeId());
            t.setDaemon(true);
            return t;
        }) : events;
        HazelcastMemberView view = new HazelcastMemberView(conf, self, incarnation, executor, owns);
        try {
            view.join();
        } catch (MembershipRefusedException | RuntimeException e) {
            view.close();
            throw e;
        }
        return view;
    }

    private void join() throws MembershipRefusedException {
        Config config;
        try {
            config = HazelcastConfigs.build(conf, self, incarnation);
        } catch (UnknownHostException e) {
            throw new MembershipRefusedException("cannot resolve membership address " + self.membership() + ": "
                    + e.getMessage());
        }
        config.addListenerConfig(new ListenerConfig(new Membership()));
        config.addListenerConfig(new ListenerConfig((LifecycleListener) this::lifecycle));
        hazelcast = Hazelcast.newHazelcastInstance(config);
        checkOlderMembers();
        runOnEvents(() -> state.reconcileAdded(hazelcast.getCluster().getMembers()));
        LOG.info("node {} (nodeid {}, incarnation {}) joined cluster {}: {}", self.name(), self.nodeId(),
                incarnation, conf.name(), state.snapshot());
    }

    /**
     * The joiner's half of the join check: if a member that was here before us disagrees with our configuration,
     * we are the stranger and leave (the members refuse us on their side too).
     */
    private void checkOlderMembers() throws MembershipRefusedException {
        List<String> reasons = new ArrayList<>();
        for (com.hazelcast.cluster.Member m : hazelcast.getCluster().getMembers()) {
            if (m.localMember()) {
                break;
            }
            MemberAttributes.Verdict verdict = MemberAttributes.check(conf, m.getAttributes(),
                    "member " + m.getAddress());
            if (verdict instanceof MemberAttributes.Refused refused) {
                reasons.add(refused.reason());
            } else if (((MemberAttributes.Accepted) verdict).member().nodeId() == self.nodeId()) {
                reasons.add("member " + m.getAddress() + " already is node " + self.name() + " (nodeid "
                        + self.nodeId() + "): another process runs as this node, or its previous life has not "
                        + "been declared dead yet (failure_timeout)");
            }
        }
        if (!reasons.isEmpty()) {
            throw new MembershipRefusedException("cluster '" + conf.name() + "' refuses node " + self.name() + ": "
                    + String.join("; ", reasons));
        }
    }

    private void lifecycle(LifecycleEvent event) {
        if (event.getState() == LifecycleEvent.LifecycleState.MERGING) {
            // We were split off and Hazelcast is folding us into the other side: this incarnation was given up
            // for dead over there and may already be fenced. It never rejoins; a restart does.
            LOG.error("node {} incarnation {} is being merged after a split: leaving the cluster; restart to rejoin",
                    self.name(), incarnation);
            events.execute(state::expel);
            Thread stopper = new Thread(() -> hazelcast.getLifecycleService().terminate(), "member-view-expel");
            stopper.setDaemon(true);
            stopper.start();
        }
    }

    private final class Membership implements InitialMembershipListener {
        @Override
        public void init(InitialMembershipEvent event) {
            Collection<com.hazelcast.cluster.Member> members = List.copyOf(event.getMembers());
            events.execute(() -> state.reconcileAdded(members));
        }

        @Override
        public void memberAdded(MembershipEvent event) {
            com.hazelcast.cluster.Member m = event.getMember();
            events.execute(() -> state.added(m));
        }

        @Override
        public void memberRemoved(MembershipEvent event) {
            com.hazelcast.cluster.Member m = event.getMember();
            events.execute(() -> state.removed(m));
        }
    }

    @Override
    public ViewSnapshot snapshot() {
        return state.snapshot();
    }

    @Override
    public Registration addListener(MemberListener listener) {
        return state.addListener(listener);
    }

    /** This process's member (node id, name, incarnation). */
    public Member self() {
        return state.self();
    }

    /** The quorum calculation behind {@link ViewSnapshot#quorate()}, for status displays. */
    public VoteQuorum quorum() {
        return state.quorum();
    }

    /**
     * Fencing of {@code member} (a member that LEFT) is confirmed: it leaves the awaiting-fence set and listeners
     * get FENCED. Unknown or already fenced members are ignored.
     */
    public void fenced(Member member) {
        events.execute(() -> state.fenced(member));
    }

    private void runOnEvents(Runnable task) {
        try {
            events.submit(task).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while joining", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("member view did not settle", e);
        }
    }

    /** Leaves the cluster at once, as a crash would look to the others (they will fence this node). */
    public void terminate() {
        HazelcastInstance hz = hazelcast;
        if (hz != null) {
            hz.getLifecycleService().terminate();
        }
    }

    @Override
    public void close() {
        HazelcastInstance hz = hazelcast;
        if (hz != null) {
            hz.getLifecycleService().shutdown();
        }
        if (ownsEvents) {
            events.shutdown();
            try {
                events.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
