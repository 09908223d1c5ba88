package org.gfspnfs.dlm.api;

/** Request flags with the meaning of Linux dlm's {@code DLM_LKF_*} flags of the same names. */
public enum LockFlag {
    /** Fail at once with {@link LockStatus#WOULD_BLOCK} instead of queueing (DLM_LKF_NOQUEUE). */
    NOQUEUE,
    /** A conversion queues behind conversions already waiting instead of being granted ahead (DLM_LKF_QUECVT). */
    QUECVT,
    /**
     * On a conversion deadlock, demote this lock's granted mode to NL to break it, instead of failing the conversion
     * with {@link LockStatus#DEADLOCK} (DLM_LKF_CONVDEADLK). The result then says {@link LockResult#demoted()}.
     */
    CONVDEADLK,
    /** Read the lock value block on grant and write it back on down-conversion/unlock from PW/EX (DLM_LKF_VALBLK). */
    VALBLK
}
