package org.gfspnfs.dlm.core;

import java.util.LinkedHashSet;
import java.util.Set;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

import org.gfspnfs.dlm.api.BlockingHandler;
import org.gfspnfs.dlm.api.Lock;
import org.gfspnfs.dlm.api.LockFlag;
import org.gfspnfs.dlm.api.LockId;
import org.gfspnfs.dlm.api.LockMode;
import org.gfspnfs.dlm.api.LockResult;
import org.gfspnfs.dlm.api.LockValueBlock;
import org.gfspnfs.dlm.api.Lockspace;
import org.gfspnfs.dlm.api.ResourceName;

/**
 * A lock as its owner node keeps it (Linux: the process copy of an lkb). The owner is the truth for what the
 * application holds; the master's copy is rebuilt from it when a master dies. Mutable state is guarded by the
 * lockspace's mutex; {@link #grantedMode()} and friends are racy reads for information only.
 */
final class OwnerLock implements Lock {

    /** The outstanding operation. */
    enum Op { NONE, REQUEST, CONVERT, UNLOCK }

    /** Where the outstanding operation is: not yet sent, sent and unanswered, or queued at the master. */
    enum OpState { UNSENT, SENT, QUEUED }

    private final LockspaceImpl lockspace;
    final LockId id;
    final ResourceName resource;
    final long holder;
    final BlockingHandler blocking;
    volatile LockMode granted;
    volatile LockMode requested;
    Op op = Op.NONE;
    OpState opState;
    int opFlags;
    /** Master queue stamp while QUEUED (resent in recovery to keep the queue order). */
    long seq;
    boolean dead;
    CompletableFuture<LockResult> opFuture;
    CompletableFuture<Boolean> cancelFuture;
    boolean cancelSent;
    boolean valblk;
    volatile LockValueBlock valueBlock;
    long valueBlockSeq;
    byte[] writeBack;
    /** A blocking request: the waiting lock and the master's stamp of that request. */
    private record BlockingRequest(LockId lock, long seq) { }

    /** Blocking requests already notified to the application: exactly once, even if recovery repeats one. */
    private final Set<BlockingRequest> notifiedBy = new LinkedHashSet<>();

    OwnerLock(LockspaceImpl lockspace, LockId id, ResourceName resource, long holder, BlockingHandler blocking) {
        this.lockspace = lockspace;
        this.id = id;
        this.resource = resource;
        this.holder = holder;
        this.blocking = blocking;
    }

    @Override
    public LockId id() {
        return id;
    }

    @Override
    public ResourceName resource() {
        return resource;
    }

    @Override
    public LockMode grantedMode() {
        return granted;
    }

    @Override
    public LockMode requestedMode() {
        return requested;
    }

    @Override
    public CompletableFuture<LockResult> convert(LockMode mode, Set<LockFlag> flags) {
        return lockspace.convert(this, mode, flags);
    }

    @Override
    public CompletableFuture<LockResult> unlock() {
        return lockspace.unlock(this);
    }

    @Override
    public CompletableFuture<Boolean> cancel() {
        return lockspace.cancel(this);
    }

    // ---- blocking convenience: the waiter is woken directly by whoever produces the result (no user code runs)
    private volatile Thread waiter;
    private volatile CompletableFuture<LockResult> waitedFor;
    private volatile Published published;

    /** A result handed to the blocking waiter, with the operation it belongs to. */
    private record Published(CompletableFuture<LockResult> operation, LockResult result) { }

    /** Called under the lockspace mutex just before {@code f} is completed (possibly later, on another thread). */
    void publish(CompletableFuture<LockResult> f, LockResult r) {
        if (waitedFor == f) {
            published = new Published(f, r);
            Thread t = waiter;
            if (t != null) {
                LockSupport.unpark(t);
            }
        }
    }

    @Override
    public LockResult await(CompletableFuture<LockResult> operation, Duration timeout)
            throws InterruptedException, TimeoutException {
        if (operation.isDone()) {
            return Lockspace.await(operation, timeout);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        waiter = Thread.currentThread();
        waitedFor = operation;
        try {
            while (true) {
                Published p = published;
                if (p != null && p.operation() == operation) {
                    return p.result();
                }
                if (operation.isDone()) {
                    return Lockspace.await(operation, Duration.ZERO);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new TimeoutException("lock " + id + " did not complete in " + timeout);
                }
                LockSupport.parkNanos(this, Math.min(left, 10_000_000L));
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        } finally {
            waitedFor = null;
            waiter = null;
            published = null;
        }
    }

    @Override
    public LockValueBlock valueBlock() {
        return valueBlock;
    }

    @Override
    public void writeValueBlock(byte[] value) {
        lockspace.setWriteBack(this, new LockValueBlock(value, true).value());
    }

    /** Records a blocking request; true the first time it is seen. Keeps the last few only. */
    boolean firstBlockingNotice(LockId requester, long requesterSeq) {
        if (!notifiedBy.add(new BlockingRequest(requester, requesterSeq))) {
            return false;
        }
        if (notifiedBy.size() > 64) {
            var it = notifiedBy.iterator();
            it.next();
            it.remove();
        }
        return true;
    }

    @Override
    public String toString() {
        return "Lock" + id + "[" + resource + " " + granted + "->" + requested + " " + op + "/" + opState + "]";
    }
}
