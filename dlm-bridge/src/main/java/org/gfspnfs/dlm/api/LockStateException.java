package org.gfspnfs.dlm.api;

/** An operation the lock's current state does not allow (Linux: -EBUSY or -EINVAL from dlm_lock/dlm_unlock). */
public class LockStateException extends DlmException {
    public LockStateException(String message) {
        super(message);
    }
}
