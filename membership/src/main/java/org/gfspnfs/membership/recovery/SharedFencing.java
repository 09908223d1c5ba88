package org.gfspnfs.membership.recovery;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.gfspnfs.conf.ClusterNode;
import org.gfspnfs.membership.api.Member;
import org.gfspnfs.membership.api.ViewSnapshot;
import org.gfspnfs.membership.fence.FenceConfirmation;
import org.gfspnfs.membership.fence.FenceCoordinator;
import org.gfspnfs.membership.fence.FenceLedger;
import org.gfspnfs.membership.fence.FenceResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who fences a lost member and how the other survivors learn it, as fenced's master and fence domain: the quorate
 * survivor with the lowest node id runs the agents; the others wait for its FENCED record in the {@link FenceLedger}
 * (or for an operator's acknowledgement on themselves, which they then record). Without a ledger every survivor
 * fences on its own (the behaviour before shared records; duplicate agent runs are harmless but wasteful).
 */
final class SharedFencing {
    private static final Logger LOG = LoggerFactory.getLogger(SharedFencing.class);

    private final FenceLedger ledger;
    private final FenceCoordinator fencer;
    private final int self;
    /** Touched by the recovery thread only. */
    private final Map<Member, CompletableFuture<FenceResult>> agentRuns = new HashMap<>();

    SharedFencing(FenceLedger ledger, FenceCoordinator fencer, int self) {
        this.ledger = ledger;
        this.fencer = fencer;
        this.self = self;
    }

    /**
     * The survivor that runs the agents for a lost member: the lowest node id among the current members that were
     * already members when it was lost ({@code witnesses}, the view right after its LEFT). A node that joined later
     * never saw the loss and would never fence it (Hazelcast orders joins and removals the same on every member, so
     * every survivor computes the same fencer).
     */
    int fencerOf(ViewSnapshot view, Set<Integer> witnesses) {
        if (ledger == null) {
            return self;
        }
        return view.members().stream().mapToInt(Member::nodeId).filter(witnesses::contains).min().orElse(self);
    }

    /**
     * Starts this node's part in fencing {@code m}: the agents if it is the fencer, else a wait. An agent run of an
     * earlier pass (recovery started over after another loss) is kept, finished or not, so that starting over never
     * runs an agent twice for one loss.
     */
    CompletableFuture<FenceResult> start(ClusterNode node, Member m, int fencerId) {
        if (fencerId == self) {
            CompletableFuture<FenceResult> run = agentRuns.get(m);
            if (run == null || run.isCancelled() || run.isCompletedExceptionally()) {
                run = fencer.fence(node, m.incarnation());
                agentRuns.put(m, run);
            }
            return run;
        }
        agentRuns.remove(m);
        return fencer.awaitConfirmation(node, m.incarnation(), waitingFor(node, fencerId));
    }

    /** True when this node runs (or ran, in an earlier pass) the agents for {@code m}. */
    boolean agentRunning(Member m) {
        CompletableFuture<FenceResult> run = agentRuns.get(m);
        return run != null && !run.isCancelled() && !run.isCompletedExceptionally();
    }

    /** Forgets the agent runs of recovered members. */
    void forget(Set<Member> recovered) {
        agentRuns.keySet().removeAll(recovered);
    }

    static String waitingFor(ClusterNode node, int fencerId) {
        return "node " + fencerId + " (lowest node id) fences; waiting for its FENCED record in the fence area, or "
                + "acknowledge by hand with 'gfsctl fence ack " + node.name() + "'";
    }

    /** True when this life of {@code m} recorded an orderly leave; false when unknown (then it is fenced). */
    boolean leftCleanly(Member m) {
        if (ledger == null) {
            return false;
        }
        try {
            return ledger.leftCleanly(m.nodeId(), m.incarnation());
        } catch (IOException e) {
            LOG.warn("cannot read node {}'s slot for a clean leave; fencing it: {}", m.nodeId(), e.getMessage());
            return false;
        }
    }

    /** A confirmation some survivor recorded for this life of {@code m}, if any. */
    Optional<FenceConfirmation> recorded(Member m) {
        if (ledger == null) {
            return Optional.empty();
        }
        try {
            return ledger.confirmation(m.nodeId(), m.incarnation());
        } catch (IOException e) {
            LOG.warn("cannot read node {}'s fence record: {}", m.nodeId(), e.getMessage());
            return Optional.empty();
        }
    }

    /** Records this node's confirmed fencing of {@code m} for the other survivors. */
    void record(Member m, FenceResult result) throws RecoveryStepException {
        if (ledger == null) {
            return;
        }
        try {
            ledger.confirm(new FenceConfirmation(m.nodeId(), m.incarnation(), self, result.how(), result.at()));
        } catch (IOException e) {
            throw new RecoveryStepException("node " + m.nodeId() + " is fenced (" + result.how() + ") but the record "
                    + "for the other survivors could not be written: " + e.getMessage(), e);
        }
    }

    /** Stops this node's fencing of or wait for {@code m}. */
    void abandon(Member m) {
        fencer.abandon(m.nodeId());
    }
}
