package org.gfspnfs.dlm.api;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

/**
 * One lock on one resource (Linux: an lkb, named by its lock id). Created by {@link Lockspace#lock}; it lives until
 * it is unlocked, a new request fails (WOULD_BLOCK, CANCELLED, DEADLOCK) or its node dies.
 *
 * <p>At most one operation may be outstanding at a time, except {@link #cancel()}, which targets the outstanding
 * request or conversion. Calling an operation the lock's state does not allow throws {@link LockStateException}
 * (Linux: -EBUSY / -EINVAL).
 */
public interface Lock {

    /** The lock id, unique in the cluster for this incarnation of the node. */
    LockId id();

    ResourceName resource();

    /** The granted mode, or null while nothing is granted. */
    LockMode grantedMode();

    /** The mode of the outstanding request or conversion, or null if none. */
    LockMode requestedMode();

    /**
     * Converts a granted lock to {@code mode}, up or down (Linux: dlm_lock with DLM_LKF_CONVERT). A down conversion
     * from PW/EX with {@link LockFlag#VALBLK} writes the value set by {@link #writeValueBlock}.
     */
    CompletableFuture<LockResult> convert(LockMode mode, Set<LockFlag> flags);

    /**
     * Releases a granted lock; from PW/EX with VALBLK the value set by {@link #writeValueBlock} is written first.
     * Completes with {@link LockStatus#UNLOCKED}.
     */
    CompletableFuture<LockResult> unlock();

    /**
     * Cancels the outstanding request (the lock then dies) or conversion (the lock keeps its granted mode); the
     * cancelled operation completes with {@link LockStatus#CANCELLED}. Completes true if something was cancelled,
     * false if the operation had already completed.
     */
    CompletableFuture<Boolean> cancel();

    /**
     * The blocking convenience: waits for {@code operation} (a future this lock returned) and returns its result,
     * unwrapping failures into {@link DlmException}s. The waiting thread is woken directly when the result
     * arrives, so it may return before the future's own callbacks have run.
     */
    LockResult await(CompletableFuture<LockResult> operation, Duration timeout)
            throws InterruptedException, TimeoutException;

    /** The value block copy this lock received on its last grant with VALBLK, or null. */
    LockValueBlock valueBlock();

    /** Sets the value a PW/EX holder writes back on its next down-conversion or unlock with VALBLK. */
    void writeValueBlock(byte[] value);
}
