package org.gfspnfs.dlm.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import org.gfspnfs.dlm.api.DeadlockReport;
import org.gfspnfs.dlm.api.DlmShutdownException;
import org.gfspnfs.dlm.api.LockFlag;
import org.gfspnfs.dlm.api.LockId;
import org.gfspnfs.dlm.api.LockMode;
import org.gfspnfs.dlm.api.LockOptions;
import org.gfspnfs.dlm.api.LockResult;
import org.gfspnfs.dlm.api.LockStateException;
import org.gfspnfs.dlm.api.LockStatus;
import org.gfspnfs.dlm.api.LockValueBlock;
import org.gfspnfs.dlm.api.Lockspace;
import org.gfspnfs.dlm.api.ResourceName;
import org.gfspnfs.dlm.api.query.LockspaceSnapshot;
import org.gfspnfs.dlm.net.msg.CancelRequest;
import org.gfspnfs.dlm.net.msg.ConvertRequest;
import org.gfspnfs.dlm.net.msg.FlagBits;
import org.gfspnfs.dlm.net.msg.LockReply;
import org.gfspnfs.dlm.net.msg.LockRequest;
import org.gfspnfs.dlm.net.msg.Lookup;
import org.gfspnfs.dlm.net.msg.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.gfspnfs.dlm.net.msg.UnlockRequest;

/**
 * One lockspace on one node: the owner side (the application's locks, the master cache, operations not yet sent)
 * and, through {@link MasterSide}, the master and directory roles. Everything is serialised by one mutex per
 * lockspace; the state machine runs in the calling thread (application or I/O thread) and application callbacks
 * run after the mutex is released, never on an I/O thread.
 *
 * <p>A lock on a resource this node masters is handled entirely in memory: no message. A remote lock costs a
 * directory lookup (first use of the resource on this node, skipped if this node is the directory node) and one
 * request/reply round trip to the master.
 */
final class LockspaceImpl implements Lockspace {
    private static final Logger LOG = LoggerFactory.getLogger(LockspaceImpl.class);
    static final int UNKNOWN = 0;

    private final String name;
    final NodeServices node;
    final ReentrantLock mutex = new ReentrantLock();
    final MasterSide master;
    private final LockspaceRecovery recovery;
    private final AtomicLong lkids;
    private final DeadlockDetector deadlocks;
    final Map<Long, OwnerLock> own = new HashMap<>();
    final Map<ResourceName, OwnerResource> cache = new HashMap<>();
    /** Operations held back while recovery runs, in the order they were asked. */
    final LinkedHashMap<LockId, OwnerLock> unsent = new LinkedHashMap<>();
    final List<Buffered> buffered = new ArrayList<>();
    /** Cached resources this node holds no lock on, oldest first: forgotten after the toss delay. */
    private final TossList idleCache = new TossList();
    boolean running;
    boolean closed;

    /** The owner's knowledge of a resource: who masters it, and operations waiting for a directory lookup. */
    static final class OwnerResource {
        final ResourceName name;
        int master = UNKNOWN;
        boolean lookupSent;
        /** This node's locks on the resource (the entry is kept while there are any). */
        int held;
        final List<OwnerLock> waiting = new ArrayList<>(1);

        OwnerResource(ResourceName name) {
            this.name = name;
        }
    }

    LockspaceImpl(String name, NodeServices node, AtomicLong lkids, DeadlockDetector deadlocks, boolean running) {
        this.name = name;
        this.node = node;
        this.lkids = lkids;
        this.deadlocks = deadlocks;
        this.master = new MasterSide(this, node);
        this.recovery = new LockspaceRecovery(this);
        this.running = running;
    }

    @Override
    public String name() {
        return name;
    }

    LockspaceRecovery recovery() {
        return recovery;
    }

    /** Runs {@code work} under the lockspace mutex (recovery steps). */
    <T> T locked(java.util.function.Supplier<T> work) {
        mutex.lock();
        try {
            return work.get();
        } finally {
            mutex.unlock();
        }
    }

    /** Closes the lockspace: outstanding operations fail with {@link DlmShutdownException}. */
    void close() {
        List<CompletableFuture<?>> failed = new ArrayList<>();
        mutex.lock();
        try {
            closed = true;
            for (OwnerLock l : own.values()) {
                if (l.opFuture != null) {
                    failed.add(l.opFuture);
                }
                if (l.cancelFuture != null) {
                    failed.add(l.cancelFuture);
                }
            }
        } finally {
            mutex.unlock();
        }
        DlmShutdownException e = new DlmShutdownException("DLM of node " + node.selfId() + " closed");
        node.callbacks().execute(() -> failed.forEach(f -> f.completeExceptionally(e)));
    }

    // ---------------------------------------------------------------- application API

    @Override
    public PendingLock lock(ResourceName resource, LockMode mode, LockOptions options) {
        OwnerLock l = new OwnerLock(this, new LockId(node.selfId(), lkids.incrementAndGet()), resource,
                options.holder(), options.blocking());
        Deliveries d = new Deliveries(true);
        CompletableFuture<LockResult> f = new CompletableFuture<>();
        mutex.lock();
        try {
            checkOpen();
            own.put(l.id.lkid(), l);
            cache.computeIfAbsent(resource, OwnerResource::new).held++;
            idleCache.used(resource);
            begin(l, OwnerLock.Op.REQUEST, mode, options.flags(), f, d);
            dispatch(l, d);
        } finally {
            mutex.unlock();
        }
        d.run(node.callbacks());
        return new PendingLock(l, f);
    }

    CompletableFuture<LockResult> convert(OwnerLock l, LockMode mode, Set<LockFlag> flags) {
        Deliveries d = new Deliveries(true);
        CompletableFuture<LockResult> f = new CompletableFuture<>();
        mutex.lock();
        try {
            checkOpen();
            if (l.dead || l.op != OwnerLock.Op.NONE || l.granted == null) {
                throw new LockStateException("cannot convert " + l);
            }
            begin(l, OwnerLock.Op.CONVERT, mode, flags, f, d);
            dispatch(l, d);
        } finally {
            mutex.unlock();
        }
        d.run(node.callbacks());
        return f;
    }

    CompletableFuture<LockResult> unlock(OwnerLock l) {
        Deliveries d = new Deliveries(true);
        CompletableFuture<LockResult> f = new CompletableFuture<>();
        mutex.lock();
        try {
            checkOpen();
            if (l.dead || l.op != OwnerLock.Op.NONE || l.granted == null) {
                throw new LockStateException("cannot unlock " + l);
            }
            begin(l, OwnerLock.Op.UNLOCK, null, Set.of(), f, d);
            dispatch(l, d);
        } finally {
            mutex.unlock();
        }
        d.run(node.callbacks());
        return f;
    }

    CompletableFuture<Boolean> cancel(OwnerLock l) {
        Deliveries d = new Deliveries(true);
        CompletableFuture<Boolean> f;
        mutex.lock();
        try {
            if (l.op != OwnerLock.Op.REQUEST && l.op != OwnerLock.Op.CONVERT) {
                return CompletableFuture.completedFuture(false);
            }
            if (l.cancelFuture != null) {
                return l.cancelFuture;
            }
            f = new CompletableFuture<>();
            l.cancelFuture = f;
            d.own = f;
            if (l.opState == OwnerLock.OpState.UNSENT) {
                unsent.remove(l.id);
                OwnerResource r = cache.get(l.resource);
                if (r != null) {
                    r.waiting.remove(l);
                }
                finishFailed(l, LockStatus.CANCELLED, d);
                d.complete(f, true);
                l.cancelFuture = null;
            } else if (running) {
                sendCancel(l, d);
            }
        } finally {
            mutex.unlock();
        }
        d.run(node.callbacks());
        return f;
    }

    /** Deadlock policy on this master: fail {@code victim}'s queued request with DEADLOCK. */
    void failVictimLocally(LockId victim) {
        Deliveries d = new Deliveries(false);
        mutex.lock();
        try {
            if (running) {
                master.failVictim(victim, d);
            }
        } finally {
            mutex.unlock();
        }
        d.run(node.callbacks());
    }

    void setWriteBack(OwnerLock l, byte[] value) {
        mutex.lock();
        try {
            l.writeBack = value;
        } finally {
            mutex.unlock();
        }
    }

    @Override
    public CompletableFuture<List<DeadlockReport>> detectDeadlocks() {
        return deadlocks.detect(name);
    }

    @Override
    public LockspaceSnapshot snapshot() {
        mutex.lock();
        try {
            return Snapshots.of(this);
        } finally {
            mutex.unlock();
        }
    }

    // ---------------------------------------------------------------- messages

    /** A request from a node that already finished the recovery this node is finishing; replayed on resume. */
    record Buffered(int src, long epoch, Message message) { }

    /**
     * Handles a lock message from {@code src} (an I/O thread). While this node is stopped for recovery, results
     * (replies, grants, blocking notices) are applied at once, since they describe what masters already did; new
     * requests are dropped (their senders resend them after recovery) unless the sender already finished the
     * recovery this node is finishing, in which case they wait for the resume.
     */
    void receive(int src, long epoch, Message m) {
        Deliveries d = new Deliveries(false);
        mutex.lock();
        try {
            if (closed) {
                return;
            }
            if (LockMessages.isRequest(m)) {
                if (!running) {
                    if (epoch == node.recoveringEpoch()) {
                        buffered.add(new Buffered(src, epoch, m));
                    }
                    return;
                }
                if (epoch != node.completedEpoch()) {
                    LOG.warn("lockspace {}: dropping {} from node {} of epoch {}", name, m.type(), src, epoch);
                    return;
                }
            }
            LockMessages.apply(this, src, m, d);
        } finally {
            mutex.unlock();
        }
        d.run(node.callbacks());
    }

    /**
     * Drops the requests {@code src} sent while this node waited for recovery: {@code src} has since started a new
     * attempt at recovery, after which it resends whatever is still unanswered.
     */
    void dropBuffered(int src) {
        buffered.removeIf(b -> b.src() == src);
    }

    /**
     * Frees what stayed unused since {@code cutoff} (nanoTime): resources mastered here with no lock (and their
     * directory entries), and cached masters of resources this node holds no lock on. Only while running: recovery
     * relies on both.
     */
    void toss(long cutoff) {
        mutex.lock();
        try {
            if (!running || closed) {
                return;
            }
            for (ResourceName n : master.toss(cutoff)) {
                OwnerResource r = cache.get(n);
                if (r != null && unusedHere(r)) {
                    cache.remove(n);
                    idleCache.used(n);
                }
            }
            for (ResourceName n : idleCache.expired(cutoff)) {
                OwnerResource r = cache.get(n);
                // a resource still mastered here keeps its entry: a local lock on it must send no message
                if (r != null && unusedHere(r) && !(r.master == node.selfId() && master.resources.containsKey(n))) {
                    cache.remove(n);
                }
            }
        } finally {
            mutex.unlock();
        }
    }

    private static boolean unusedHere(OwnerResource r) {
        return r.held == 0 && r.waiting.isEmpty() && !r.lookupSent;
    }

    /** One of this node's locks on {@code name} is gone. */
    private void released(ResourceName name) {
        OwnerResource r = cache.get(name);
        if (r != null && --r.held == 0) {
            idleCache.unused(name, node.nanoTime());
        }
    }

    /** Sizes of what this lockspace keeps per resource (tests: memory stays bounded). */
    record Footprint(int mastered, int directory, int cached, int ownLocks) { }

    Footprint footprint() {
        mutex.lock();
        try {
            return new Footprint(master.resources.size(), master.directory.size(), cache.size(), own.size());
        } finally {
            mutex.unlock();
        }
    }

    // ---------------------------------------------------------------- owner side internals

    private void checkOpen() {
        if (closed) {
            throw new DlmShutdownException("lockspace " + name + " is closed");
        }
    }

    private static void begin(OwnerLock l, OwnerLock.Op op, LockMode mode, Set<LockFlag> flags,
                              CompletableFuture<LockResult> f, Deliveries d) {
        l.op = op;
        l.requested = mode;
        l.opFlags = FlagBits.of(flags);
        if (op != OwnerLock.Op.UNLOCK) {
            l.valblk = flags.contains(LockFlag.VALBLK);
        }
        l.opFuture = f;
        l.opState = OwnerLock.OpState.UNSENT;
        d.own = f;
    }

    /** Sends the lock's outstanding operation to its master, or parks it until the master is known / recovery ends. */
    void dispatch(OwnerLock l, Deliveries d) {
        if (!running) {
            l.opState = OwnerLock.OpState.UNSENT;
            unsent.put(l.id, l);
            return;
        }
        OwnerResource r = cache.computeIfAbsent(l.resource, OwnerResource::new);
        if (r.master == UNKNOWN) {
            l.opState = OwnerLock.OpState.UNSENT;
            r.waiting.add(l);
            if (!r.lookupSent) {
                lookup(r, d);
            }
            return;
        }
        l.opState = OwnerLock.OpState.SENT;
        sendOp(l, r.master, d);
    }

    private void lookup(OwnerResource r, Deliveries d) {
        int dir = node.directoryNode(r.name);
        if (dir == node.selfId()) {
            masterKnown(r, master.directoryLookup(r.name, dir), d);
        } else {
            r.lookupSent = true;
            node.send(dir, new Lookup(name, r.name));
        }
    }

    void masterKnown(OwnerResource r, int m, Deliveries d) {
        r.master = m;
        r.lookupSent = false;
        if (m == node.selfId()) {
            master.tossIfUnused(master.ensureResource(r.name)); // until the request that follows uses it
        }
        List<OwnerLock> waiting = new ArrayList<>(r.waiting);
        r.waiting.clear();
        for (OwnerLock l : waiting) {
            dispatch(l, d);
        }
    }

    private void sendOp(OwnerLock l, int m, Deliveries d) {
        int self = node.selfId();
        boolean local = m == self;
        byte[] writeBack = l.granted != null && l.granted.writesValueBlock() && l.valblk ? l.writeBack : null;
        switch (l.op) {
            case REQUEST -> {
                if (local) {
                    master.request(self, l.id.lkid(), l.holder, l.resource, l.requested, l.opFlags, d);
                } else {
                    node.send(m, new LockRequest(name, l.resource, l.id.lkid(), l.holder, l.requested, l.opFlags));
                }
            }
            case CONVERT -> {
                if (local) {
                    master.convert(self, l.id.lkid(), l.resource, l.requested, l.opFlags, writeBack, d);
                } else {
                    node.send(m, new ConvertRequest(name, l.resource, l.id.lkid(), l.requested, l.opFlags,
                            writeBack));
                }
            }
            case UNLOCK -> {
                if (local) {
                    master.unlock(self, l.id.lkid(), l.resource, writeBack, d);
                } else {
                    node.send(m, new UnlockRequest(name, l.resource, l.id.lkid(), writeBack));
                }
            }
            case NONE -> throw new IllegalStateException("nothing to send for " + l);
        }
        if (l.cancelFuture != null && !l.cancelSent && !l.dead && l.op != OwnerLock.Op.NONE) {
            sendCancel(l, d);
        }
    }

    void sendCancel(OwnerLock l, Deliveries d) {
        OwnerResource r = cache.get(l.resource);
        l.cancelSent = true;
        if (r.master == node.selfId()) {
            master.cancel(node.selfId(), l.id.lkid(), l.resource, d);
        } else {
            node.send(r.master, new CancelRequest(name, l.resource, l.id.lkid()));
        }
    }

    // ---------------------------------------------------------------- results from the master (local or remote)

    void ownerReply(long lkid, LockReply.Kind kind, LockMode granted, LockValueBlock lvb, long lvbSeq,
                    boolean demoted, long seq, Deliveries d) {
        OwnerLock l = own.get(lkid);
        if (l == null || (l.op != OwnerLock.Op.REQUEST && l.op != OwnerLock.Op.CONVERT)) {
            throw new IllegalStateException("reply for lock " + lkid + " with no request outstanding");
        }
        switch (kind) {
            case GRANTED -> ownerGranted(lkid, granted, lvb, lvbSeq, demoted, d);
            case QUEUED -> {
                l.opState = OwnerLock.OpState.QUEUED;
                l.seq = seq;
                if (demoted) {
                    l.granted = LockMode.NL;
                }
            }
            case WOULD_BLOCK -> finishFailed(l, LockStatus.WOULD_BLOCK, d);
            case DEADLOCK -> finishFailed(l, LockStatus.DEADLOCK, d);
            case NOT_MASTER -> {
                // the cached master freed the resource after it stayed unused: look it up again
                OwnerResource r = cache.computeIfAbsent(l.resource, OwnerResource::new);
                if (!r.lookupSent) {
                    r.master = UNKNOWN;
                }
                dispatch(l, d);
            }
        }
    }

    void ownerGranted(long lkid, LockMode mode, LockValueBlock lvb, long lvbSeq, boolean demoted, Deliveries d) {
        OwnerLock l = own.get(lkid);
        if (l == null || (l.op != OwnerLock.Op.REQUEST && l.op != OwnerLock.Op.CONVERT)) {
            throw new IllegalStateException("grant for lock " + lkid + " with no request outstanding");
        }
        l.granted = mode;
        l.requested = null;
        if (lvb != null) {
            l.valueBlock = lvb;
            l.valueBlockSeq = lvbSeq;
        }
        CompletableFuture<LockResult> f = l.opFuture;
        l.op = OwnerLock.Op.NONE;
        l.opState = null;
        l.opFuture = null;
        settleCancel(l, false, d);
        LockResult result = new LockResult(LockStatus.GRANTED, mode, lvb, demoted);
        l.publish(f, result);
        d.complete(f, result);
    }

    void ownerUnlocked(long lkid, Deliveries d) {
        OwnerLock l = own.remove(lkid);
        if (l == null || l.op != OwnerLock.Op.UNLOCK) {
            throw new IllegalStateException("unlock reply for lock " + lkid + " with no unlock outstanding");
        }
        released(l.resource);
        l.dead = true;
        l.granted = null;
        l.op = OwnerLock.Op.NONE;
        CompletableFuture<LockResult> f = l.opFuture;
        l.opFuture = null;
        LockResult result = new LockResult(LockStatus.UNLOCKED, null, null, false);
        l.publish(f, result);
        d.complete(f, result);
    }

    void ownerCancelReply(long lkid, boolean cancelled, Deliveries d) {
        OwnerLock l = own.get(lkid);
        if (l == null) {
            return; // the request failed or was granted and unlocked meanwhile; its cancel future is settled
        }
        if (!cancelled) {
            settleCancel(l, false, d);
        }
    }

    /** The master took back the outstanding request/conversion (cancel or deadlock victim). */
    void ownerFailed(long lkid, LockStatus status, Deliveries d) {
        OwnerLock l = own.get(lkid);
        if (l == null || (l.op != OwnerLock.Op.REQUEST && l.op != OwnerLock.Op.CONVERT)) {
            throw new IllegalStateException("failure of lock " + lkid + " with no request outstanding");
        }
        finishFailed(l, status, d);
    }

    private void finishFailed(OwnerLock l, LockStatus status, Deliveries d) {
        CompletableFuture<LockResult> f = l.opFuture;
        if (l.op == OwnerLock.Op.REQUEST) {
            l.dead = true;
            l.granted = null;
            own.remove(l.id.lkid());
            released(l.resource);
        }
        l.requested = null;
        l.op = OwnerLock.Op.NONE;
        l.opState = null;
        l.opFuture = null;
        settleCancel(l, status == LockStatus.CANCELLED, d);
        LockResult result = new LockResult(status, l.granted, null, false);
        l.publish(f, result);
        d.complete(f, result);
    }

    private static void settleCancel(OwnerLock l, boolean cancelled, Deliveries d) {
        if (l.cancelFuture != null) {
            d.complete(l.cancelFuture, cancelled);
            l.cancelFuture = null;
            l.cancelSent = false;
        }
    }

    void ownerBlocking(long lkid, LockMode mode, LockId requester, long requesterSeq, Deliveries d) {
        OwnerLock l = own.get(lkid);
        if (l == null || l.granted == null) {
            return; // released meanwhile: nothing to give up
        }
        if (l.firstBlockingNotice(requester, requesterSeq)) {
            d.callback(() -> l.blocking.blocking(l, mode));
        }
    }
}
