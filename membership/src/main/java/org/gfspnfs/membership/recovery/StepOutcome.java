package org.gfspnfs.membership.recovery;

/** How a recovery step stood when it was recorded. */
public enum StepOutcome {
    /** The step began. */
    STARTED,
    /** The step cannot go on yet; the record says what it waits for. */
    WAITING,
    /** The step finished. */
    DONE,
    /** The step failed; recovery starts again after a pause. */
    FAILED
}
