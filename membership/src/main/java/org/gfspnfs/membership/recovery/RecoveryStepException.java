package org.gfspnfs.membership.recovery;

/** A recovery step that could not be done; its message is what the step record and {@code gfsctl status} show. */
public class RecoveryStepException extends Exception {
    public RecoveryStepException(String message) {
        super(message);
    }

    public RecoveryStepException(String message, Throwable cause) {
        super(message, cause);
    }
}
