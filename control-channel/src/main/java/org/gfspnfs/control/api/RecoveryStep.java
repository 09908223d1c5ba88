package org.gfspnfs.control.api;

import java.time.Instant;

/**
 * One step of the recovery of a lost node, with timestamps. {@code startedAt} and {@code finishedAt} are null while
 * the step has not started or not finished.
 */
public record RecoveryStep(String lostNode, RecoveryPhase phase, StepState state, Instant startedAt,
                           Instant finishedAt, String detail) {
}
