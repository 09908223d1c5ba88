package org.gfspnfs.dlm.glock;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import org.gfspnfs.dlm.api.Lock;
import org.gfspnfs.dlm.api.LockFlag;
import org.gfspnfs.dlm.api.LockOptions;
import org.gfspnfs.dlm.api.LockResult;
import org.gfspnfs.dlm.api.LockStatus;
import org.gfspnfs.dlm.api.LockValueBlock;
import org.gfspnfs.dlm.api.Lockspace;
import org.gfspnfs.dlm.api.ResourceName;
import org.gfspnfs.gfs.lock.BlockingCallback;
import org.gfspnfs.gfs.lock.LockGrant;
import org.gfspnfs.gfs.lock.LockMode;
import org.gfspnfs.gfs.lock.LockModule;
import org.gfspnfs.gfs.lock.LockName;
import org.gfspnfs.gfs.lock.LockSession;
import org.gfspnfs.gfs.lock.LockUnavailableException;

/**
 * One node's glocks in one lockspace: at most one DLM lock per glock name, requested on first use, converted
 * afterwards, unlocked on UN. TRY maps to NOQUEUE; a TRY that cannot be granted fails with
 * {@link LockUnavailableException} and leaves the glock as it was. The glock layer issues one request per name at a
 * time, which this session relies on.
 */
final class DlmLockSession implements LockSession {
    private final Lockspace ls;
    private final int slot;
    private final BlockingCallback callback;
    private final Map<LockName, Lock> locks = new ConcurrentHashMap<>();
    /** Journal-recovery gating, or null when the module does not follow the member view. */
    private final RecoveryGate gate;
    private final LongSupplier selfIncarnation;
    private final Consumer<DlmLockSession> onClose;
    private volatile boolean closed;

    DlmLockSession(Lockspace ls, int slot, BlockingCallback callback, RecoveryGate gate, LongSupplier selfIncarnation,
                   Consumer<DlmLockSession> onClose) {
        this.ls = ls;
        this.slot = slot;
        this.callback = callback;
        this.gate = gate;
        this.selfIncarnation = selfIncarnation;
        this.onClose = onClose;
    }

    /** The member in {@code deadSlot} was lost: hold back grants until its journal is replayed, and say so. */
    void memberLost(int deadSlot, long incarnation) {
        if (gate == null || closed) {
            return;
        }
        gate.memberLost(deadSlot, incarnation);
        callback.recoveryNeeded(deadSlot);
    }

    @Override
    public CompletableFuture<LockGrant> request(LockName name, LockMode mode,
                                                Set<org.gfspnfs.gfs.lock.LockFlag> flags, byte[] lvb) {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("lock session closed"));
        }
        Set<LockFlag> dlmFlags = EnumSet.of(LockFlag.VALBLK);
        if (flags.contains(org.gfspnfs.gfs.lock.LockFlag.TRY) || flags.contains(org.gfspnfs.gfs.lock.LockFlag.TRY_NOTIFY)) {
            dlmFlags.add(LockFlag.NOQUEUE);
        }
        Lock held = locks.get(name);
        LockMode heldMode = held == null || held.grantedMode() == null ? LockMode.UN
                : GlockModes.toGlock(held.grantedMode());
        CompletableFuture<LockGrant> f = send(name, mode, dlmFlags, held, lvb);
        if (gate != null && RecoveryGate.heldBack(flags, heldMode, mode)) {
            // lock_dlm DFL_BLOCK_LOCKS: a grant made while a dead node's journal awaits replay is frozen until then
            return f.thenCompose(g -> gate.whenOpen().thenApply(v -> g));
        }
        return f;
    }

    private CompletableFuture<LockGrant> send(LockName name, LockMode mode, Set<LockFlag> dlmFlags, Lock held,
                                              byte[] lvb) {
        if (held != null && held.grantedMode() == org.gfspnfs.dlm.api.LockMode.EX && mode != LockMode.EX
                && lvb != null) {
            held.writeValueBlock(pad(lvb));
        }
        if (mode == LockMode.UN) {
            if (held == null) {
                return CompletableFuture.completedFuture(new LockGrant(name, LockMode.UN, new byte[LockModule.LVB_SIZE],
                        true));
            }
            locks.remove(name, held);
            return held.unlock().thenApply(r -> grant(name, LockMode.UN, held.valueBlock()));
        }
        if (held == null) {
            Lockspace.PendingLock p = ls.lock(resource(name), GlockModes.toDlm(mode),
                    new LockOptions(dlmFlags, slot, (l, m) -> callback.blocking(name, GlockModes.toGlock(m))));
            locks.put(name, p.lock());
            return p.result().thenApply(r -> {
                if (!r.granted()) {
                    locks.remove(name, p.lock());
                }
                return outcome(name, mode, r);
            });
        }
        return held.convert(GlockModes.toDlm(mode), dlmFlags).thenApply(r -> outcome(name, mode, r));
    }

    private static LockGrant outcome(LockName name, LockMode mode, LockResult r) {
        if (r.status() == LockStatus.WOULD_BLOCK) {
            throw new CompletionException(new LockUnavailableException(name));
        }
        if (!r.granted()) {
            throw new CompletionException(new IllegalStateException("glock " + name + ": " + r.status()));
        }
        return grant(name, mode, r.valueBlock());
    }

    private static LockGrant grant(LockName name, LockMode mode, LockValueBlock lvb) {
        if (lvb == null) {
            return new LockGrant(name, mode, new byte[LockModule.LVB_SIZE], true);
        }
        return new LockGrant(name, mode, pad(lvb.value()), lvb.valid());
    }

    static ResourceName resource(LockName name) {
        return ResourceName.of(name.resourceName());
    }

    private static byte[] pad(byte[] lvb) {
        byte[] out = new byte[LockModule.LVB_SIZE];
        System.arraycopy(lvb, 0, out, 0, Math.min(lvb.length, out.length));
        return out;
    }

    /**
     * The journal of {@code deadSlot} is replayed (by this node; also called for the node's own journal at mount):
     * grants held back for it go through, here and, through the slot's control resource, on every other node.
     */
    @Override
    public void recoveryDone(int deadSlot) {
        if (gate != null) {
            gate.replayed(deadSlot, deadSlot == slot, selfIncarnation.getAsLong());
        }
    }

    @Override
    public int nodeSlot() {
        return slot;
    }

    /** Orderly leave: releases every glock this node holds (a crash leaves that to DLM recovery). */
    @Override
    public void close() {
        closed = true;
        onClose.accept(this);
        if (gate != null) {
            gate.close();
        }
        for (Map.Entry<LockName, Lock> e : locks.entrySet()) {
            Lock l = e.getValue();
            if (l.grantedMode() != null && l.requestedMode() == null) {
                try {
                    l.unlock().join();
                } catch (RuntimeException ignored) {
                    // the DLM is shutting down with us: the lock goes with it
                }
            } else {
                l.cancel();
            }
        }
        locks.clear();
    }
}
