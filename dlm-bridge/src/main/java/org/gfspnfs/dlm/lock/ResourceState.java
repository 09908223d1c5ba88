package org.gfspnfs.dlm.lock;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

import org.gfspnfs.dlm.api.LockMode;
import org.gfspnfs.dlm.api.LockValueBlock;
import org.gfspnfs.dlm.api.ResourceName;

/**
 * The master's state of one resource (Linux: the rsb on its master node) and the lock semantics over it: the VMS
 * compatibility matrix, grant/convert/wait queues in order, NOQUEUE, QUECVT, conversion deadlock (CONVDEADLK), the
 * lock value block, cancel and unlock. It is a pure state machine: single-threaded (its owner serialises calls),
 * no I/O, no callbacks except the {@link GrantSink} it is handed.
 *
 * <p>Grant rules follow dlm's {@code _can_be_granted}: a request must be compatible with the granted modes of every
 * other lock on the grant and convert queues; a new request is granted at once only if nobody is queued; a
 * conversion is granted at once ahead of queued conversions unless QUECVT; queued conversions are granted in
 * order before any waiting request, and waiting requests strictly in order.
 */
public final class ResourceState {
    private final ResourceName name;
    private final List<MasterLock> grantQueue = new ArrayList<>(2);
    private final List<MasterLock> convertQueue = new ArrayList<>(0);
    private final List<MasterLock> waitQueue = new ArrayList<>(0);
    private byte[] lvb = new byte[0];
    private long lvbSeq;
    private boolean lvbValid = true;
    private long nextSeq = 1;

    public ResourceState(ResourceName name) {
        this.name = name;
    }

    public ResourceName name() {
        return name;
    }

    /** A new lock asks for {@code mode}. */
    public Outcome request(MasterLock l, LockMode mode, boolean noqueue, boolean valblk, GrantSink sink) {
        l.requested = mode;
        l.valblk = valblk;
        if (convertQueue.isEmpty() && waitQueue.isEmpty() && compatibleWithHolders(l, mode)) {
            grant(l);
            grantQueue.add(l);
            return Outcome.granted(l.valueBlockCopy(this), false);
        }
        if (noqueue) {
            l.requested = null;
            return Outcome.WOULD_BLOCK;
        }
        enqueue(l, Queue.WAITING, waitQueue);
        sendBlocking(l, sink);
        return Outcome.queued(l.seq, false);
    }

    /**
     * A granted lock converts to {@code mode}. A down-conversion from PW/EX with VALBLK writes {@code writeBack}
     * (if not null) into the value block.
     */
    public Outcome convert(MasterLock l, LockMode mode, boolean noqueue, boolean quecvt, boolean convdeadlk,
                           boolean valblk, byte[] writeBack, GrantSink sink) {
        if (l.queue != Queue.GRANTED) {
            throw new IllegalStateException("convert of a lock that is not granted: " + l);
        }
        l.requested = mode;
        l.valblk = valblk;
        l.quecvt = quecvt;
        l.convdeadlk = convdeadlk;
        if (canConvertNow(l, mode)) {
            writeBackIfDemoting(l, mode, writeBack);
            grant(l);
            LockValueBlock copy = l.valueBlockCopy(this);
            grantPending(sink);
            return Outcome.granted(copy, false);
        }
        if (noqueue) {
            l.requested = null;
            return Outcome.WOULD_BLOCK;
        }
        boolean demoted = false;
        if (conversionDeadlock(l, mode)) {
            if (!convdeadlk) {
                l.requested = null;
                return Outcome.DEADLOCK;
            }
            l.granted = LockMode.NL;
            demoted = true;
            if (canConvertNow(l, mode)) {
                grant(l);
                LockValueBlock copy = l.valueBlockCopy(this);
                grantPending(sink);
                return Outcome.granted(copy, true);
            }
        }
        grantQueue.remove(l);
        enqueue(l, Queue.CONVERTING, convertQueue);
        if (demoted) {
            grantPending(sink);
        }
        if (l.queue == Queue.CONVERTING) {
            sendBlocking(l, sink);
        }
        return Outcome.queued(l.seq, demoted);
    }

    /** Releases a granted lock, writing the value block first if it held PW/EX with VALBLK. */
    public void unlock(MasterLock l, byte[] writeBack, GrantSink sink) {
        if (l.queue != Queue.GRANTED) {
            throw new IllegalStateException("unlock of a lock that is not granted: " + l);
        }
        if (l.valblk && writeBack != null && l.granted.writesValueBlock()) {
            writeValueBlock(writeBack);
        }
        grantQueue.remove(l);
        l.queue = null;
        l.granted = null;
        grantPending(sink);
    }

    /**
     * Takes back {@code l}'s queued request or conversion (cancel, or a deadlock victim). A cancelled request
     * removes the lock; a cancelled conversion returns it to the grant queue in its granted mode.
     *
     * @return true if something was queued and is now cancelled
     */
    public boolean cancel(MasterLock l, GrantSink sink) {
        if (l.queue == Queue.WAITING) {
            waitQueue.remove(l);
            l.queue = null;
        } else if (l.queue == Queue.CONVERTING) {
            convertQueue.remove(l);
            l.queue = Queue.GRANTED;
            grantQueue.add(l);
        } else {
            return false;
        }
        l.requested = null;
        l.notified.clear();
        grantPending(sink);
        return true;
    }

    /** Grants whatever the queues now allow, in order, and sends blocking callbacks for what still waits. */
    public void grantPending(GrantSink sink) {
        boolean progress = true;
        while (progress) {
            progress = false;
            if (!convertQueue.isEmpty()) {
                MasterLock head = convertQueue.get(0);
                if (compatibleWithHolders(head, head.requested)) {
                    convertQueue.remove(0);
                    grant(head);
                    grantQueue.add(head);
                    sink.granted(head, head.valueBlockCopy(this), false);
                    progress = true;
                }
            } else if (!waitQueue.isEmpty()) {
                MasterLock head = waitQueue.get(0);
                if (compatibleWithHolders(head, head.requested)) {
                    waitQueue.remove(0);
                    grant(head);
                    grantQueue.add(head);
                    sink.granted(head, head.valueBlockCopy(this), false);
                    progress = true;
                }
            }
        }
        for (MasterLock c : convertQueue) {
            sendBlocking(c, sink);
        }
        for (MasterLock w : waitQueue) {
            sendBlocking(w, sink);
        }
    }

    /**
     * Recovery: removes every lock {@code dead} selects. If one of them held (or was converting from) PW or EX, the
     * value block is marked invalid: its last writer died without writing it back. Grants nothing.
     */
    public int purge(Predicate<MasterLock> dead) {
        int removed = 0;
        for (List<MasterLock> q : List.of(grantQueue, convertQueue, waitQueue)) {
            for (var it = q.iterator(); it.hasNext(); ) {
                MasterLock l = it.next();
                if (dead.test(l)) {
                    if (l.granted != null && l.granted.writesValueBlock()) {
                        lvbValid = false;
                    }
                    it.remove();
                    removed++;
                }
            }
        }
        for (MasterLock w : all()) {
            w.notified.removeIf(id -> !contains(id));
        }
        return removed;
    }

    /**
     * Recovery on a new master: adopts the locks the survivors resent, restores queue order from their stamps, and
     * rebuilds the value block from the newest surviving copy. The copy is valid only if a survivor holds a mode
     * that excludes any writer it does not know of (PR, CW, PW or EX granted); otherwise a dead node may have held
     * PW/EX, so the value is marked invalid.
     */
    public void adopt(Collection<MasterLock> locks, Collection<RecoveredValueBlock> copies) {
        merge(locks);
        RecoveredValueBlock newest = null;
        boolean writerExcluded = false;
        for (RecoveredValueBlock c : copies) {
            if (newest == null || c.seq() > newest.seq()) {
                newest = c;
            }
            LockMode g = c.heldMode();
            writerExcluded |= g == LockMode.PR || g == LockMode.CW || g.writesValueBlock();
        }
        if (newest != null) {
            lvb = newest.value();
            lvbSeq = newest.seq();
            lvbValid = newest.valid() && writerExcluded;
        } else {
            lvbValid = false;
        }
    }

    /**
     * Recovery on a master that already holds the resource (it survived, or it adopted the resource in an earlier
     * attempt at this recovery): the resent locks replace whatever it had of their owners' locks, since the owner is
     * the truth for what it holds, and the queues are re-ordered by their stamps. The value block stands.
     *
     * @return the locks of {@code owners} that were replaced or dropped
     */
    public List<MasterLock> readopt(Collection<MasterLock> locks, java.util.Set<Integer> owners) {
        List<MasterLock> removed = new ArrayList<>();
        for (List<MasterLock> q : List.of(grantQueue, convertQueue, waitQueue)) {
            for (var it = q.iterator(); it.hasNext(); ) {
                MasterLock l = it.next();
                if (owners.contains(l.id.nodeId())) {
                    it.remove();
                    removed.add(l);
                }
            }
        }
        merge(locks);
        return removed;
    }

    private void merge(Collection<MasterLock> locks) {
        for (MasterLock l : locks) {
            switch (l.queue) {
                case GRANTED -> grantQueue.add(l);
                case CONVERTING -> convertQueue.add(l);
                case WAITING -> waitQueue.add(l);
            }
            nextSeq = Math.max(nextSeq, l.seq + 1);
        }
        convertQueue.sort(Comparator.comparingLong(MasterLock::seq));
        waitQueue.sort(Comparator.comparingLong(MasterLock::seq));
        for (MasterLock w : all()) {
            w.notified.removeIf(id -> !contains(id));
        }
    }

    /** A survivor's copy of the value block, resent during recovery. */
    public record RecoveredValueBlock(byte[] value, long seq, boolean valid, LockMode heldMode) { }

    public LockValueBlock valueBlock() {
        return new LockValueBlock(lvb, lvbValid);
    }

    public long valueBlockSeq() {
        return lvbSeq;
    }

    public List<MasterLock> grantQueue() {
        return List.copyOf(grantQueue);
    }

    public List<MasterLock> convertQueue() {
        return List.copyOf(convertQueue);
    }

    public List<MasterLock> waitQueue() {
        return List.copyOf(waitQueue);
    }

    /** Every lock, grant queue first. */
    public List<MasterLock> all() {
        List<MasterLock> out = new ArrayList<>(grantQueue.size() + convertQueue.size() + waitQueue.size());
        out.addAll(grantQueue);
        out.addAll(convertQueue);
        out.addAll(waitQueue);
        return out;
    }

    public boolean isEmpty() {
        return grantQueue.isEmpty() && convertQueue.isEmpty() && waitQueue.isEmpty();
    }

    private boolean contains(org.gfspnfs.dlm.api.LockId id) {
        for (MasterLock l : all()) {
            if (l.id.equals(id)) {
                return true;
            }
        }
        return false;
    }

    private boolean canConvertNow(MasterLock l, LockMode mode) {
        if (!compatibleWithHolders(l, mode)) {
            return false;
        }
        return !l.quecvt || convertQueue.isEmpty();
    }

    /** dlm's queue_conflict over the grant and convert queues: every other lock's granted mode must allow mode. */
    private boolean compatibleWithHolders(MasterLock l, LockMode mode) {
        for (int i = 0, n = grantQueue.size(); i < n; i++) {
            MasterLock g = grantQueue.get(i);
            if (g != l && !mode.compatibleWith(g.granted)) {
                return false;
            }
        }
        for (int i = 0, n = convertQueue.size(); i < n; i++) {
            MasterLock c = convertQueue.get(i);
            if (c != l && !mode.compatibleWith(c.granted)) {
                return false;
            }
        }
        return true;
    }

    /** dlm's conversion_deadlock_detect: a queued conversion and ours each block on the other's granted mode. */
    private boolean conversionDeadlock(MasterLock l, LockMode mode) {
        for (MasterLock c : convertQueue) {
            if (c != l && !mode.compatibleWith(c.granted) && !c.requested.compatibleWith(l.granted)) {
                return true;
            }
        }
        return false;
    }

    private void writeBackIfDemoting(MasterLock l, LockMode mode, byte[] writeBack) {
        boolean down = mode.ordinal() < l.granted.ordinal();
        if (down && l.valblk && writeBack != null && l.granted.writesValueBlock()) {
            writeValueBlock(writeBack);
        }
    }

    private void writeValueBlock(byte[] value) {
        lvb = value.clone();
        lvbSeq++;
        lvbValid = true;
    }

    private void grant(MasterLock l) {
        l.granted = l.requested;
        l.requested = null;
        l.queue = Queue.GRANTED;
        l.notified.clear();
    }

    private void enqueue(MasterLock l, Queue q, List<MasterLock> list) {
        l.queue = q;
        l.seq = nextSeq++;
        list.add(l);
    }

    private void sendBlocking(MasterLock requester, GrantSink sink) {
        LockMode mode = requester.requested;
        notifyIncompatible(grantQueue, requester, mode, sink);
        notifyIncompatible(convertQueue, requester, mode, sink);
    }

    private static void notifyIncompatible(List<MasterLock> holders, MasterLock requester, LockMode mode,
                                           GrantSink sink) {
        for (int i = 0; i < holders.size(); i++) {
            MasterLock h = holders.get(i);
            if (h != requester && h.granted != null && !mode.compatibleWith(h.granted)
                    && requester.notified.add(h.id)) {
                sink.blocking(h, mode, requester);
            }
        }
    }
}
