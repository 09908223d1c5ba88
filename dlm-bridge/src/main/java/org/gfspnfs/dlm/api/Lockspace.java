package org.gfspnfs.dlm.api;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.gfspnfs.dlm.api.query.LockspaceSnapshot;

/**
 * A lockspace: an independent namespace of resources (Linux: dlm_new_lockspace; gfs2 uses one per filesystem).
 *
 * <p>Requests are asynchronous: the returned {@link Lock} exists at once (so it can be cancelled) and its
 * {@link #lock} future completes on grant or failure. Completion and blocking callbacks never run on transport I/O
 * threads. A lockspace is created on every node on first use; its membership is the cluster's.
 */
public interface Lockspace {

    String name();

    /**
     * Requests a new lock on {@code resource} in {@code mode} (Linux: dlm_lock without CONVERT). The future
     * completes with GRANTED, or WOULD_BLOCK (NOQUEUE), CANCELLED or DEADLOCK, after which the lock is dead.
     */
    PendingLock lock(ResourceName resource, LockMode mode, LockOptions options);

    /** Blocking convenience: requests and waits; a non-GRANTED result is returned, not thrown. */
    default LockResult lockAndWait(ResourceName resource, LockMode mode, LockOptions options, Duration timeout)
            throws InterruptedException, TimeoutException {
        return lock(resource, mode, options).await(timeout);
    }

    /** Runs cluster-wide deadlock detection now, applying the configured policy; returns the cycles found. */
    CompletableFuture<List<DeadlockReport>> detectDeadlocks();

    /** What this node knows of the lockspace: resources it masters, its directory share, its own locks. */
    LockspaceSnapshot snapshot();

    /** A new lock and the future of its first request. */
    record PendingLock(Lock lock, CompletableFuture<LockResult> result) {
        public LockResult await(Duration timeout) throws InterruptedException, TimeoutException {
            return lock.await(result, timeout);
        }
    }

    /** Waits for a lock operation, unwrapping the execution exception into the DLM's own exception. */
    static <T> T await(CompletableFuture<T> future, Duration timeout) throws InterruptedException, TimeoutException {
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof DlmException d) {
                throw d;
            }
            throw new DlmException("lock operation failed", e.getCause());
        }
    }
}
