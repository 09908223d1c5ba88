package org.gfspnfs.dlm.lock;

import java.util.HashSet;
import java.util.Set;

import org.gfspnfs.dlm.api.LockId;
import org.gfspnfs.dlm.api.LockMode;
import org.gfspnfs.dlm.api.LockValueBlock;

/**
 * A lock as its resource's master keeps it (Linux: the master copy of an lkb). Mutated only by
 * {@link ResourceState}, under the lockspace's serialisation.
 */
public final class MasterLock {
    final LockId id;
    final long holder;
    LockMode granted;
    LockMode requested;
    Queue queue;
    /** Master-assigned position stamp of the current queueing; orders queues again after remastering. */
    long seq;
    boolean quecvt;
    boolean convdeadlk;
    boolean valblk;
    /** Holders already sent a blocking callback for the current request: exactly once per blocking request. */
    final Set<LockId> notified = new HashSet<>(2);

    public MasterLock(LockId id, long holder) {
        this.id = id;
        this.holder = holder;
    }

    /** Rebuilds a lock from what its owner resent during recovery. */
    public static MasterLock recovered(LockId id, long holder, LockMode granted, LockMode requested, Queue queue,
                                       long seq, boolean valblk) {
        MasterLock l = new MasterLock(id, holder);
        l.granted = granted;
        l.requested = requested;
        l.queue = queue;
        l.seq = seq;
        l.valblk = valblk;
        return l;
    }

    public LockId id() {
        return id;
    }

    public long holder() {
        return holder;
    }

    public LockMode granted() {
        return granted;
    }

    public LockMode requested() {
        return requested;
    }

    public Queue queue() {
        return queue;
    }

    public long seq() {
        return seq;
    }

    /** What the grant of this lock returns as value block, given the resource's current one. */
    LockValueBlock valueBlockCopy(ResourceState r) {
        return valblk ? r.valueBlock() : null;
    }

    @Override
    public String toString() {
        return id + "[" + granted + "->" + requested + " " + queue + "]";
    }
}
