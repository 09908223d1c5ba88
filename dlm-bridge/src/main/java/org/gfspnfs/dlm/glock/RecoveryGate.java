package org.gfspnfs.dlm.glock;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.IntToLongFunction;

import org.gfspnfs.dlm.api.Lock;
import org.gfspnfs.dlm.api.LockFlag;
import org.gfspnfs.dlm.api.LockMode;
import org.gfspnfs.dlm.api.LockOptions;
import org.gfspnfs.dlm.api.LockResult;
import org.gfspnfs.dlm.api.LockValueBlock;
import org.gfspnfs.dlm.api.Lockspace;
import org.gfspnfs.dlm.api.ResourceName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GFS2 journal-recovery gating for one lock session (lock_dlm's {@code DFL_BLOCK_LOCKS} and its control lock).
 *
 * <p>From the moment a member with a journal slot is lost until that slot's journal has been replayed, the gate is
 * closed: grants of requests without NOEXP are held back (gfs2 freezes them, {@code GLF_FROZEN}), because the DLM
 * drops a dead node's locks at fencing time, before its journal is replayed, and the blocks those locks protected may
 * still be changed by the replay. The node that replays calls {@link #replayed}; every other node learns it through
 * the value block of a per-slot control resource: each waiting node holds it in PR, the replaying node takes it EX
 * (the PR holders get a blocking callback, release, and queue again behind it) and writes a record on unlock:
 * "slot replayed for the life with incarnation i" (by a survivor), or "slot replayed by its own life i" (a node
 * that came back and replayed its own journal when it mounted).
 */
final class RecoveryGate {
    private static final Logger LOG = LoggerFactory.getLogger(RecoveryGate.class);
    private static final byte BY_SURVIVOR = 1;
    private static final byte BY_OWN_LIFE = 2;

    private final Lockspace ls;
    private final Executor release;
    /** The incarnation of the live member holding a slot, 0 if none. */
    private final IntToLongFunction liveIncarnationOfSlot;
    /** Dead slots whose journal is not replayed yet -> incarnation of the life that died. Guarded by this. */
    private final Map<Integer, Long> pending = new HashMap<>();
    private CompletableFuture<Void> open = CompletableFuture.completedFuture(null);
    private boolean closed;

    RecoveryGate(Lockspace ls, Executor release, IntToLongFunction liveIncarnationOfSlot) {
        this.ls = ls;
        this.release = release;
        this.liveIncarnationOfSlot = liveIncarnationOfSlot;
    }

    /** Completes when no journal recovery is pending (at once if none is). */
    synchronized CompletableFuture<Void> whenOpen() {
        return open;
    }

    /** The member in {@code slot}, life {@code incarnation}, was lost: close the gate until its journal is replayed. */
    void memberLost(int slot, long incarnation) {
        synchronized (this) {
            if (closed || pending.containsKey(slot) && pending.get(slot) == incarnation) {
                return;
            }
            if (pending.isEmpty()) {
                open = new CompletableFuture<>();
            }
            pending.put(slot, incarnation);
        }
        watch(slot, incarnation);
    }

    /**
     * This node replayed {@code slot}'s journal ({@code own}: its own, at mount). Opens the gate for it here and
     * tells the other nodes through the slot's control resource.
     */
    void replayed(int slot, boolean own, long selfIncarnation) {
        Long dead;
        synchronized (this) {
            dead = pending.get(slot);
        }
        if (dead != null) {
            settle(slot, dead);
        }
        byte[] record;
        if (own) {
            record = record(BY_OWN_LIFE, selfIncarnation);
        } else if (dead != null) {
            record = record(BY_SURVIVOR, dead);
        } else {
            return; // a replay nobody here waits for (e.g. a second survivor replaying a clean journal)
        }
        Lockspace.PendingLock p = ls.lock(control(slot), LockMode.EX, LockOptions.of(LockFlag.VALBLK));
        p.result().whenComplete((r, e) -> {
            if (e == null && r.granted()) {
                p.lock().writeValueBlock(record);
                p.lock().unlock();
            }
        });
    }

    /** Stops waiting: pending grants go through (the session is closing). */
    void close() {
        CompletableFuture<Void> f;
        synchronized (this) {
            closed = true;
            pending.clear();
            f = open;
        }
        release.execute(() -> f.complete(null));
    }

    /** Holds the slot's control resource in PR until its value block says the dead life's journal is replayed. */
    private void watch(int slot, long dead) {
        LockOptions o = LockOptions.of(LockFlag.VALBLK).withBlocking((lock, mode) -> rewatch(lock, slot, dead));
        Lockspace.PendingLock p = ls.lock(control(slot), LockMode.PR, o);
        p.result().whenComplete((r, e) -> {
            if (e != null || !r.granted()) {
                return; // the DLM is closing
            }
            if (replayedFor(slot, dead, r)) {
                settle(slot, dead);
                p.lock().unlock();
            }
        });
    }

    /** A replaying node wants the control resource: let it write, and queue behind it to read what it wrote. */
    private void rewatch(Lock lock, int slot, long dead) {
        lock.unlock();
        boolean still;
        synchronized (this) {
            still = !closed && pending.containsKey(slot) && pending.get(slot) == dead;
        }
        if (still) {
            watch(slot, dead);
        }
    }

    private boolean replayedFor(int slot, long dead, LockResult r) {
        LockValueBlock lvb = r.valueBlock();
        if (lvb == null || !lvb.valid() || lvb.value().length < 9) {
            return false;
        }
        ByteBuffer b = ByteBuffer.wrap(lvb.value());
        byte kind = b.get();
        long incarnation = b.getLong();
        if (kind == BY_SURVIVOR) {
            return incarnation == dead;
        }
        // the slot's node came back and replayed its own journal before doing anything else
        return kind == BY_OWN_LIFE && incarnation != dead && liveIncarnationOfSlot.applyAsLong(slot) == incarnation;
    }

    private void settle(int slot, long dead) {
        CompletableFuture<Void> f = null;
        synchronized (this) {
            if (pending.remove(slot, dead) && pending.isEmpty()) {
                f = open;
            }
        }
        if (f != null) {
            LOG.info("lockspace {}: journal recovery done, held-back glock grants go through", ls.name());
            CompletableFuture<Void> done = f;
            release.execute(() -> done.complete(null));
        }
    }

    private static byte[] record(byte kind, long incarnation) {
        return ByteBuffer.allocate(9).put(kind).putLong(incarnation).array();
    }

    static ResourceName control(int slot) {
        return ResourceName.of("gfs-recovery-slot-" + slot);
    }

    /** Glock requests that the gate holds back: everything that asks for more, unless NOEXP. */
    static boolean heldBack(Set<org.gfspnfs.gfs.lock.LockFlag> flags, org.gfspnfs.gfs.lock.LockMode held,
                            org.gfspnfs.gfs.lock.LockMode wanted) {
        if (flags.contains(org.gfspnfs.gfs.lock.LockFlag.NOEXP) || wanted == org.gfspnfs.gfs.lock.LockMode.UN) {
            return false;
        }
        return held != wanted && held != org.gfspnfs.gfs.lock.LockMode.EX;
    }
}
