package org.gfspnfs.membership.recovery;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the recovery log that {@code gfsctl status} shows: which step, for which node, when, how it stood.
 *
 * @param seq     position in this node's recovery log (from 1)
 * @param step    the step
 * @param nodeId  the lost node concerned, or 0 when the step concerns the whole view
 * @param node    that node's name, or "*" for the whole view
 * @param time    when it was recorded
 * @param outcome how the step stood
 * @param detail  what happened or what it waits for
 */
public record StepRecord(long seq, RecoveryStep step, int nodeId, String node, Instant time, StepOutcome outcome,
                         String detail) {
    public StepRecord {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String toString() {
        return seq + " " + time + " " + step + " " + node + " " + outcome + (detail.isEmpty() ? "" : ": " + detail);
    }
}
