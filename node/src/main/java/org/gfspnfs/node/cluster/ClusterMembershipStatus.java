package org.gfspnfs.node.cluster;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gfspnfs.conf.ClusterConf;
import org.gfspnfs.conf.ClusterNode;
import org.gfspnfs.conf.Role;
import org.gfspnfs.conf.VoteQuorum;
import org.gfspnfs.control.api.FenceEvent;
import org.gfspnfs.control.api.FenceOutcome;
import org.gfspnfs.control.api.MemberInfo;
import org.gfspnfs.control.api.MemberState;
import org.gfspnfs.control.api.NodeStatus;
import org.gfspnfs.control.api.QuorumInfo;
import org.gfspnfs.control.api.RecoveryPhase;
import org.gfspnfs.control.api.RecoveryStep;
import org.gfspnfs.control.api.StepState;
import org.gfspnfs.control.spi.MembershipView;
import org.gfspnfs.membership.api.MemberEvent;
import org.gfspnfs.membership.api.ViewSnapshot;
import org.gfspnfs.membership.fence.FenceAttempt;
import org.gfspnfs.membership.recovery.StepRecord;

/**
 * {@code gfsctl status} of a cluster member: every node of cluster.conf with its state as this node's view has
 * seen it change (and since when), votequorum's arithmetic over the live members, each fence agent run and manual
 * acknowledgement, and the recovery sequence's steps paired into started/finished rows. Answers from local state
 * only, never from the network.
 */
public final class ClusterMembershipStatus implements MembershipView {
    private static final int KEEP_FENCE_EVENTS = 256;

    private final ClusterStack stack;
    private final Clock clock;
    private final Map<Integer, Seen> seen = new HashMap<>();
    private final List<FenceEvent> fencing = new ArrayList<>();

    private record Seen(MemberState state, Instant since) {
    }

    public ClusterMembershipStatus(ClusterStack stack, Clock clock) {
        this.stack = stack;
        this.clock = clock;
        Instant now = clock.instant();
        ViewSnapshot view = stack.view().snapshot();
        for (ClusterNode n : stack.conf().nodes()) {
            seen.put(n.nodeId(), new Seen(view.member(n.nodeId()).isPresent() ? MemberState.MEMBER
                    : MemberState.LEFT, now));
        }
        stack.view().addListener(this::onEvent);
        stack.fencer().addAttemptListener(this::onAttempt);
    }

    private synchronized void onEvent(MemberEvent e) {
        MemberState state = switch (e.kind()) {
            case JOINED -> MemberState.MEMBER;
            case LEFT -> stack.leftCleanly(e.member()) ? MemberState.LEFT : MemberState.LOST;
            // A clean leave is marked fenced in the view (nothing to fence) but stays LEFT to the operator.
            case FENCED -> seen.get(e.member().nodeId()).state() == MemberState.LEFT ? null : MemberState.FENCED;
            case QUORUM_GAINED, QUORUM_LOST -> null;
        };
        if (state != null) {
            seen.put(e.member().nodeId(), new Seen(state, clock.instant()));
        }
    }

    private synchronized void onAttempt(FenceAttempt a) {
        String target = nodeName(a.nodeId());
        addFenceEvent(new FenceEvent(target, a.method() + "/" + a.device() + " (" + a.agent() + ")",
                a.success() ? FenceOutcome.SUCCEEDED : FenceOutcome.FAILED, a.started().plus(a.took()), a.detail()));
    }

    /** Whether this node saw {@code nodeId} fenced or leave cleanly (its recovery may go on). */
    synchronized boolean fencedOrLeft(int nodeId) {
        Seen s = seen.get(nodeId);
        return s != null && (s.state() == MemberState.FENCED || s.state() == MemberState.LEFT);
    }

    /** Records an operator's acknowledgement that released a fencing. */
    synchronized void acknowledged(String node, String operator) {
        addFenceEvent(new FenceEvent(node, "manual", FenceOutcome.ACKNOWLEDGED, clock.instant(),
                "acknowledged by " + operator));
    }

    private void addFenceEvent(FenceEvent event) {
        fencing.add(event);
        if (fencing.size() > KEEP_FENCE_EVENTS) {
            fencing.remove(0);
        }
    }

    @Override
    public synchronized NodeStatus status() {
        ViewSnapshot view = stack.view().snapshot();
        ClusterNode self = stack.self();
        List<MemberInfo> members = new ArrayList<>();
        for (ClusterNode n : stack.conf().nodes()) {
            Seen s = seen.get(n.nodeId());
            MemberState state = s.state();
            if (view.awaitingFence().stream().anyMatch(m -> m.nodeId() == n.nodeId())) {
                state = stack.fencer().waitingReason(n.nodeId()).isPresent() ? MemberState.FENCING
                        : MemberState.LOST;
            }
            members.add(new MemberInfo(n.nodeId(), n.name(), state, n.votes(), s.since()));
        }
        VoteQuorum q = stack.view().quorum();
        ClusterConf conf = stack.conf();
        QuorumInfo quorum = new QuorumInfo(view.quorate(), q.expectedVotes(), q.liveVotes(), q.quorum(),
                conf.quorum().twoNode(), conf.quorum().waitForAll());
        List<String> roles = self.roles().stream().sorted().map(Role::confName).toList();
        return new NodeStatus(self.name(), self.nodeId(), clock.instant(), roles, members, quorum,
                List.copyOf(fencing), recoverySteps(stack.recovery().records()));
    }

    /** Pairs each step's STARTED record with the record that finished it (DONE or FAILED). */
    static List<RecoveryStep> recoverySteps(List<StepRecord> records) {
        Map<String, RecoveryStep> rows = new LinkedHashMap<>();
        Map<String, Integer> generation = new HashMap<>();
        for (StepRecord r : records) {
            RecoveryPhase phase = phase(r.step());
            if (phase == null) {
                continue;
            }
            String key = r.step() + "/" + r.nodeId();
            RecoveryStep open = rows.get(key + "#" + generation.getOrDefault(key, 0));
            switch (r.outcome()) {
                case STARTED -> {
                    int g = generation.merge(key, 1, Integer::sum);
                    rows.put(key + "#" + g, new RecoveryStep(r.node(), phase, StepState.RUNNING, r.time(), null,
                            r.detail()));
                }
                case WAITING -> rows.put(key + "#" + generation.getOrDefault(key, 0), new RecoveryStep(r.node(),
                        phase, StepState.RUNNING, open == null ? r.time() : open.startedAt(), null, r.detail()));
                case DONE, FAILED -> rows.put(key + "#" + generation.getOrDefault(key, 0), new RecoveryStep(
                        r.node(), phase, r.outcome() == org.gfspnfs.membership.recovery.StepOutcome.DONE
                        ? StepState.DONE : StepState.FAILED, open == null ? r.time() : open.startedAt(), r.time(),
                        r.detail()));
                default -> throw new IllegalStateException("unknown outcome " + r.outcome());
            }
        }
        return List.copyOf(rows.values());
    }

    private static RecoveryPhase phase(org.gfspnfs.membership.recovery.RecoveryStep step) {
        return switch (step) {
            case IDLE -> null;
            case MEMBER_LOST, STOP -> RecoveryPhase.MEMBER_LOST;
            case QUORUM_CHECK -> RecoveryPhase.QUORUM_CHECK;
            case FENCE -> RecoveryPhase.FENCING;
            case DLM_RECOVERY -> RecoveryPhase.DLM_RECOVERY;
            case JOURNAL_RECOVERY -> RecoveryPhase.JOURNAL_REPLAY;
            case PNFS_RECOVERY -> RecoveryPhase.PNFS_RECALL;
            case RESUME -> RecoveryPhase.RESUMED;
        };
    }

    private String nodeName(int nodeId) {
        return stack.conf().nodes().stream().filter(n -> n.nodeId() == nodeId).map(ClusterNode::name).findFirst()
                .orElse("nodeid " + nodeId);
    }
}
