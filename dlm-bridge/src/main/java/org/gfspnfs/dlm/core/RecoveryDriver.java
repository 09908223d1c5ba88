package org.gfspnfs.dlm.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.gfspnfs.dlm.api.ResourceName;
import org.gfspnfs.dlm.net.msg.Message;
import org.gfspnfs.dlm.net.msg.RecoveryDirectory;
import org.gfspnfs.dlm.net.msg.RecoveryDone;
import org.gfspnfs.dlm.net.msg.RecoveryLocks;
import org.gfspnfs.dlm.net.msg.RecoveryMarker;
import org.gfspnfs.dlm.net.msg.RecoveryMaster;
import org.gfspnfs.membership.api.Member;
import org.gfspnfs.membership.api.MemberEvent;
import org.gfspnfs.membership.api.MemberListener;
import org.gfspnfs.membership.api.MemberView;
import org.gfspnfs.membership.api.ViewSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives DLM recovery from member view changes (Linux: dlm_recoverd, started by dlm_controld), on its own thread.
 *
 * <p>Any change of the member set (or loss of quorum) stops every lockspace at once. Recovery then waits until the
 * view is {@linkplain ViewSnapshot#recoverable() recoverable} (quorate, every lost node fenced), and runs a barrier
 * protocol among the members of the new view, identified by an epoch derived from their (node id, incarnation)
 * pairs: markers (all earlier traffic drained), purge + directory rebuild, barrier, resend locks of dead masters'
 * resources, barrier, adopt, resume. A view change during recovery aborts it and starts again with the new view.
 * Attempts at the same epoch are told apart by the {@link RecoveryInbox}.
 */
final class RecoveryDriver implements MemberListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RecoveryDriver.class);
    private static final int PHASE_DIRECTORY = 1;
    private static final int PHASE_LOCKS = 2;

    private final DlmNode node;
    private final MemberView view;
    private final ExecutorService thread;
    private final RecoveryInbox inbox = new RecoveryInbox();
    /** This node's current attempt (guarded by {@code inbox}), numbered in this life. */
    private long attempt;
    /** The current attempt is past barrier 0: it has sent data that depends on this node's state. */
    private boolean pastMarkers;
    /** A member started a new attempt at the epoch this node is recovering after this node had sent data. */
    private boolean restartRequested;
    /** A member started a new attempt at the epoch this node has completed: recover it again, with it. */
    private volatile boolean rerunRequested;
    private volatile RecoveryState state = RecoveryState.STARTING;
    private volatile long completedEpoch;
    private volatile long recoveringEpoch;
    private volatile int[] ring = new int[0];
    private volatile List<Integer> members = List.of();
    private MemberView.Registration registration;

    RecoveryDriver(DlmNode node, MemberView view) {
        this.node = node;
        this.view = view;
        int id = node.selfId();
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "dlm-recoverd-" + id);
            t.setDaemon(true);
            return t;
        });
    }

    void start() {
        registration = view.addListener(this);
        thread.execute(this::reconsider);
    }

    RecoveryState state() {
        return state;
    }

    long completedEpoch() {
        return completedEpoch;
    }

    long recoveringEpoch() {
        return recoveringEpoch;
    }

    List<Integer> members() {
        return members;
    }

    /** The directory node of a resource: its stable hash over the member ring (Linux: dlm_hash2nodeid). */
    int directoryNode(ResourceName name) {
        int[] r = ring;
        return r[name.stableHash() % r.length];
    }

    /**
     * The members that hold the directory, in member order: those of {@code directoryNodes} that are members, or
     * every member when that leaves none (Linux dlm: nodes of weight 0 hold none of it unless all have weight 0).
     */
    static int[] directoryRing(List<Integer> members, Set<Integer> directoryNodes) {
        int[] chosen = members.stream().filter(directoryNodes::contains).mapToInt(Integer::intValue).toArray();
        return chosen.length > 0 ? chosen : members.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public void onEvent(MemberEvent event) {
        synchronized (inbox) {
            inbox.notifyAll(); // a waiting recovery re-checks whether the view moved on
        }
        try {
            thread.execute(this::reconsider);
        } catch (java.util.concurrent.RejectedExecutionException closedMeanwhile) {
            // The node is closing (or was killed) between the view's delivery and now: nothing left to recover.
        }
    }

    void onMessage(int src, Message m) {
        if (m instanceof RecoveryMarker x) {
            onMarker(src, x);
        } else if (m instanceof RecoveryDone x) {
            inbox.done(src, x);
        } else if (m instanceof RecoveryDirectory x) {
            inbox.data(src, x.epoch(), x);
        } else if (m instanceof RecoveryLocks x) {
            inbox.data(src, x.epoch(), x);
        } else if (m instanceof RecoveryMaster x) {
            inbox.data(src, x.epoch(), x);
        }
    }

    /**
     * A member's marker. If it opens a new attempt of that member, what the member sent before is void: requests it
     * sent while this node waited for the same recovery are dropped (the member resends whatever stays unanswered),
     * and this node joins the attempt: it acknowledges it if it has not yet sent recovery data, restarts its own
     * attempt if it has (that data may be older than what the member did before its marker), and recovers again if
     * it had completed the epoch.
     */
    private void onMarker(int src, RecoveryMarker x) {
        RecoveryMarker ack = null;
        boolean rerun = false;
        synchronized (inbox) {
            if (!inbox.marker(src, x)) {
                return;
            }
            if (state == RecoveryState.RECOVERING && recoveringEpoch == x.epoch()) {
                if (pastMarkers) {
                    restartRequested = true;
                } else {
                    ack = new RecoveryMarker(x.epoch(), node.incarnation(), attempt, x.attempt());
                }
            } else if (state == RecoveryState.RUNNING && completedEpoch == x.epoch()) {
                rerun = true;
            }
        }
        node.forEachLockspace(ls -> ls.dropBuffered(src));
        if (ack != null) {
            node.transport().send(src, ack, x.epoch());
        }
        if (rerun) {
            LOG.info("node {}: node {} restarted the recovery of epoch {}; recovering again", node.selfId(), src,
                    Long.toHexString(x.epoch()));
            rerunRequested = true;
            try {
                thread.execute(this::reconsider);
            } catch (java.util.concurrent.RejectedExecutionException closedMeanwhile) {
                // closing: nothing left to recover
            }
        }
    }

    private void reconsider() {
        try {
            reconsiderView();
        } catch (RuntimeException e) {
            LOG.error("node {}: recovery failed; waiting for the next view change", node.selfId(), e);
        }
    }

    private void reconsiderView() {
        while (state != RecoveryState.CLOSED) {
            ViewSnapshot snap = view.snapshot();
            long epoch = epochOf(snap.members());
            if (state == RecoveryState.RUNNING && epoch == completedEpoch && snap.quorate() && !rerunRequested) {
                return;
            }
            if (state != RecoveryState.STOPPED) {
                if (!transition(RecoveryState.STOPPED)) {
                    return;
                }
                rerunRequested = false;
                node.forEachLockspace(ls -> ls.recovery().stop());
                LOG.info("node {}: DLM stopped, view {} ({} members, {} awaiting fence, quorate {})",
                        node.selfId(), snap.viewId(), snap.members().size(), snap.awaitingFence().size(),
                        snap.quorate());
            }
            node.transport().updatePeers(snap.members());
            boolean self = snap.members().stream().anyMatch(m -> m.nodeId() == node.selfId());
            if (!snap.recoverable() || !self) {
                return; // wait for fencing / quorum; the next view event brings us back here
            }
            try {
                if (recover(snap, epoch)) {
                    if (!rerunRequested) {
                        return;
                    }
                    continue; // a member restarted this recovery while it was committing: join it
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (!transition(RecoveryState.STOPPED)) {
                return;
            }
            LOG.info("node {}: recovery of epoch {} aborted by a view change or a member's restart", node.selfId(),
                    Long.toHexString(epoch));
        }
    }

    private boolean recover(ViewSnapshot snap, long epoch) throws InterruptedException {
        List<Integer> ids = snap.members().stream().map(Member::nodeId).toList();
        ring = directoryRing(ids, node.config().directoryNodes());
        Set<Integer> memberSet = new HashSet<>(ids);
        Set<Integer> others = new HashSet<>(ids);
        others.remove(node.selfId());
        long t0 = System.nanoTime();
        long a = joinAttempt(epoch, ids, others);
        if (a == 0) {
            return false;
        }
        for (LockspaceImpl ls : node.lockspaceList()) {
            Map<Integer, List<ResourceName>> dir = ls.locked(() ->
                    ls.recovery().purgeAndRebuildDirectory(memberSet, this::directoryNode));
            sendBatched(dir, names -> new RecoveryDirectory(epoch, ls.name(), names), epoch);
            Map<Integer, List<ResourceName>> claims = ls.locked(() -> ls.recovery().mastershipClaims(memberSet));
            sendBatched(claims, names -> new RecoveryMaster(epoch, ls.name(), names), epoch);
        }
        if (!barrier(epoch, a, PHASE_DIRECTORY, others)) {
            return false;
        }
        applyData(epoch, others, RecoveryDirectory.class);
        applyData(epoch, others, RecoveryMaster.class);
        for (LockspaceImpl ls : node.lockspaceList()) {
            var out = ls.locked(() -> ls.recovery().resendLocks(epoch, this::directoryNode));
            out.forEach(e -> node.transport().send(e.getKey(), e.getValue(), epoch));
        }
        if (!barrier(epoch, a, PHASE_LOCKS, others)) {
            return false;
        }
        applyData(epoch, others, RecoveryLocks.class);
        if (!commit(epoch, ids)) {
            return false;
        }
        LOG.info("node {}: recovery of epoch {} done in {} ms, members {}", node.selfId(), Long.toHexString(epoch),
                (System.nanoTime() - t0) / 1_000_000, ids);
        return true;
    }

    /**
     * Starts this node's next attempt at {@code epoch}: sends every other member a marker acknowledging the attempt
     * of theirs it has seen, and waits until all have acknowledged this one (barrier 0).
     *
     * @return the attempt number, or 0 if the attempt was aborted
     */
    private long joinAttempt(long epoch, List<Integer> ids, Set<Integer> others) throws InterruptedException {
        Map<Integer, RecoveryMarker> marks = new HashMap<>();
        long a;
        synchronized (inbox) {
            if (!transition(RecoveryState.RECOVERING)) {
                return 0;
            }
            recoveringEpoch = epoch;
            a = ++attempt;
            pastMarkers = false;
            restartRequested = false;
            for (int n : others) {
                marks.put(n, new RecoveryMarker(epoch, node.incarnation(), a, inbox.attemptOf(n, epoch)));
            }
        }
        LOG.debug("node {}: recovery of epoch {} attempt {} starts, members {}", node.selfId(),
                Long.toHexString(epoch), a, ids);
        marks.forEach((n, m) -> node.transport().send(n, m, epoch));
        if (!await(() -> inbox.reached(others, epoch, a, 0))) {
            return 0;
        }
        synchronized (inbox) {
            if (restartRequested) {
                return 0;
            }
            pastMarkers = true;
        }
        return a;
    }

    /** Adopts, then runs again: grants, held-back operations, buffered requests. False if the node closed. */
    private boolean commit(long epoch, List<Integer> ids) {
        Deliveries d = new Deliveries(false);
        for (LockspaceImpl ls : node.lockspaceList()) {
            ls.locked(() -> {
                ls.recovery().adoptAndCommit(d);
                return null;
            });
        }
        synchronized (node.lockspaceMonitor()) {
            synchronized (inbox) {
                if (!transition(RecoveryState.RUNNING)) {
                    return false;
                }
                completedEpoch = epoch;
                members = List.copyOf(ids);
                if (restartRequested) {
                    rerunRequested = true; // a member restarted while this node committed: recover again with it
                }
            }
            for (LockspaceImpl ls : node.lockspaceList()) {
                ls.locked(() -> {
                    ls.recovery().resume(epoch, d);
                    return null;
                });
            }
        }
        d.run(node.callbacks());
        return true;
    }

    /** Moves to {@code next} unless the node was closed meanwhile ({@link #close} runs on another thread). */
    private boolean transition(RecoveryState next) {
        synchronized (inbox) {
            if (state == RecoveryState.CLOSED) {
                return false;
            }
            state = state.to(next);
            return true;
        }
    }

    private boolean barrier(long epoch, long a, int phase, Set<Integer> others) throws InterruptedException {
        LOG.debug("node {}: epoch {} attempt {} phase {} done", node.selfId(), Long.toHexString(epoch), a, phase);
        sendAll(others, new RecoveryDone(epoch, a, phase), epoch);
        return await(() -> inbox.reached(others, epoch, a, phase));
    }

    private void applyData(long epoch, Set<Integer> others, Class<? extends Message> type) {
        for (RecoveryInbox.Received item : inbox.data(others, epoch, type)) {
            int src = item.src();
            if (item.message() instanceof RecoveryDirectory x) {
                LockspaceImpl ls = node.lockspaceImpl(x.lockspace());
                ls.locked(() -> {
                    ls.recovery().applyDirectory(src, x);
                    return null;
                });
            } else if (item.message() instanceof RecoveryLocks x) {
                LockspaceImpl ls = node.lockspaceImpl(x.lockspace());
                ls.locked(() -> {
                    ls.recovery().adopt(src, x);
                    return null;
                });
            } else if (item.message() instanceof RecoveryMaster x) {
                LockspaceImpl ls = node.lockspaceImpl(x.lockspace());
                ls.locked(() -> {
                    ls.recovery().applyClaim(src, x);
                    return null;
                });
            }
        }
    }

    private void sendBatched(Map<Integer, List<ResourceName>> byNode,
                             java.util.function.Function<List<ResourceName>, Message> message, long epoch) {
        byNode.forEach((to, names) -> {
            for (int i = 0; i < names.size(); i += RecoveryDirectory.BATCH) {
                List<ResourceName> batch = names.subList(i, Math.min(names.size(), i + RecoveryDirectory.BATCH));
                node.transport().send(to, message.apply(List.copyOf(batch)), epoch);
            }
        });
    }

    private void sendAll(Set<Integer> to, Message m, long epoch) {
        for (int n : to) {
            node.transport().send(n, m, epoch);
        }
    }

    private boolean await(BooleanSupplier done) throws InterruptedException {
        synchronized (inbox) {
            while (!done.getAsBoolean()) {
                // a view event alone is no reason to abort: it may announce the very view being recovered
                if (state == RecoveryState.CLOSED || restartRequested || viewMovedOn()) {
                    return false;
                }
                inbox.wait(100);
            }
            return true;
        }
    }

    private boolean viewMovedOn() {
        ViewSnapshot snap = view.snapshot();
        return !snap.recoverable() || epochOf(snap.members()) != recoveringEpoch;
    }

    /** The epoch id of a member set: the same on every node that sees the same members; never 0. */
    static long epochOf(List<Member> members) {
        long h = 0xcbf29ce484222325L;
        for (Member m : members) {
            h = (h ^ m.nodeId()) * 0x100000001b3L;
            h = (h ^ m.incarnation()) * 0x100000001b3L;
        }
        return h == 0 ? 1 : h;
    }

    @Override
    public void close() {
        synchronized (inbox) {
            state = RecoveryState.CLOSED;
            inbox.notifyAll();
        }
        if (registration != null) {
            registration.close();
        }
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
