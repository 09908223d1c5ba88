package org.gfspnfs.membership.recovery;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The steps of recovering from a lost member (DESIGN.md, "Recovery sequence"), with the only transitions allowed
 * between them. The order is the safety argument: nothing of a lost node's is recovered before it is fenced, and
 * nothing is fenced by a partition without quorum.
 */
public enum RecoveryStep {
    /** Nothing to recover; service runs. */
    IDLE,
    /** Membership reported the loss of one or more members. */
    MEMBER_LOST,
    /** Every lockspace stops granting; requests queue. */
    STOP,
    /** Only a quorate partition goes on; an inquorate one stays frozen (and self-fences after the timeout). */
    QUORUM_CHECK,
    /** The lost members are fenced and confirmed cut off from storage. */
    FENCE,
    /** DLM recovery: directory rebuilt, dead node's locks purged, its resources remastered, LVBs checked. */
    DLM_RECOVERY,
    /** Each lost node's journal is replayed by a survivor under its journal lock. */
    JOURNAL_RECOVERY,
    /** Layouts naming a dead DS are recalled; a dead MDS is replaced and clients reclaim in grace. */
    PNFS_RECOVERY,
    /** Lockspaces grant again. */
    RESUME;

    private static final Map<RecoveryStep, Set<RecoveryStep>> NEXT = new EnumMap<>(RecoveryStep.class);

    static {
        NEXT.put(IDLE, EnumSet.of(MEMBER_LOST));
        NEXT.put(MEMBER_LOST, EnumSet.of(STOP));
        NEXT.put(STOP, EnumSet.of(QUORUM_CHECK));
        NEXT.put(QUORUM_CHECK, EnumSet.of(FENCE));
        NEXT.put(FENCE, EnumSet.of(DLM_RECOVERY, QUORUM_CHECK));
        NEXT.put(DLM_RECOVERY, EnumSet.of(JOURNAL_RECOVERY));
        NEXT.put(JOURNAL_RECOVERY, EnumSet.of(PNFS_RECOVERY));
        NEXT.put(PNFS_RECOVERY, EnumSet.of(RESUME));
        NEXT.put(RESUME, EnumSet.of(IDLE));
        // Another loss, or a failed step, restarts recovery from the top: dlm_recoverd aborts the same way.
        for (RecoveryStep step : values()) {
            if (step != IDLE) {
                NEXT.get(step).add(MEMBER_LOST);
                NEXT.get(step).add(STOP);
            }
        }
    }

    /** True when recovery may go from this step straight to {@code next}. */
    public boolean canGoTo(RecoveryStep next) {
        return NEXT.get(this).contains(next);
    }

    /**
     * Checks a transition.
     *
     * @throws IllegalStateException when it is not allowed
     */
    public static void validate(RecoveryStep from, RecoveryStep to) {
        if (!from.canGoTo(to)) {
            throw new IllegalStateException("recovery cannot go from " + from + " to " + to);
        }
    }
}
