package org.gfspnfs.dlm.glock;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.IntUnaryOperator;

import org.gfspnfs.dlm.api.Dlm;
import org.gfspnfs.gfs.lock.BlockingCallback;
import org.gfspnfs.gfs.lock.LockModule;
import org.gfspnfs.gfs.lock.LockSession;
import org.gfspnfs.membership.api.Member;
import org.gfspnfs.membership.api.MemberEvent;
import org.gfspnfs.membership.api.MemberView;

/**
 * gfs-layout's glock {@link LockModule} SPI (GFS2 {@code lm_lockops}, lock_dlm) implemented on the DLM: one
 * lockspace per lock table, one DLM lock per glock, glock states mapped UN/SH/DF/EX to NL/PR/CW/EX, value blocks
 * always requested (VALBLK), blocking callbacks passed on with the glock state the other node wants; the glock
 * layer answers them by writing back and invalidating before it demotes.
 *
 * <p>Dead nodes (lock_dlm's {@code recover_slot} / {@code recover_done}): given the member view and each node's
 * journal slot, a lost member's slot is announced to every session with
 * {@link BlockingCallback#recoveryNeeded(int)}, and from the loss until some node has replayed that journal
 * ({@link LockSession#recoveryDone(int)}, on any node) grants of requests without NOEXP are held back
 * ({@link RecoveryGate}). Value blocks of resources the dead node held PW/EX come back invalid (DLM recovery).
 */
public final class DlmLockModule implements LockModule {
    private final Dlm dlm;
    private final MemberView view;
    private final IntUnaryOperator slotOfNode;
    private final List<DlmLockSession> sessions = new CopyOnWriteArrayList<>();
    private final MemberView.Registration registration;
    /**
     * Blocking callbacks run here, not on the DLM's callback thread: the glock layer may wait in one for its local
     * holders, and those may be waiting for a grant that the DLM's callback thread has to deliver.
     */
    private final ExecutorService blockingCallbacks = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "glock-blocking");
        t.setDaemon(true);
        return t;
    });
    /** Grants held back during journal recovery are released here (never on a thread the glock layer waits on). */
    private final ExecutorService recoveryRelease = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "glock-recovery");
        t.setDaemon(true);
        return t;
    });

    /**
     * A lock module over {@code dlm} without dead-node handling (no member view): for single-node use and tests of
     * orderly operation. The caller owns the DLM (closing the module does not close it).
     */
    public DlmLockModule(Dlm dlm) {
        this.dlm = Objects.requireNonNull(dlm, "dlm");
        this.view = null;
        this.slotOfNode = n -> -1;
        this.registration = null;
    }

    /**
     * A lock module over {@code dlm} that follows {@code view} for dead nodes. {@code slotOfNode} maps a node id to
     * its journal slot (the node's index in cluster.conf node-id order), or -1 for a node without a journal.
     */
    public DlmLockModule(Dlm dlm, MemberView view, IntUnaryOperator slotOfNode) {
        this.dlm = Objects.requireNonNull(dlm, "dlm");
        this.view = Objects.requireNonNull(view, "view");
        this.slotOfNode = Objects.requireNonNull(slotOfNode, "slotOfNode");
        this.registration = view.addListener(this::onEvent);
    }

    @Override
    public LockSession join(String lockTable, int nodeSlot, BlockingCallback callback) {
        BlockingCallback offThread = new BlockingCallback() {
            @Override
            public void blocking(org.gfspnfs.gfs.lock.LockName name, org.gfspnfs.gfs.lock.LockMode mode) {
                execute(() -> callback.blocking(name, mode));
            }

            @Override
            public void recoveryNeeded(int slot) {
                execute(() -> callback.recoveryNeeded(slot));
            }
        };
        var ls = dlm.lockspace(lockTable);
        RecoveryGate gate = view == null ? null : new RecoveryGate(ls, this::release, this::liveIncarnationOfSlot);
        DlmLockSession s = new DlmLockSession(ls, nodeSlot, offThread, gate, this::selfIncarnation,
                sessions::remove);
        sessions.add(s);
        return s;
    }

    /** A member left: its slot's journal must be replayed before its exclusive glocks can be used again. */
    private void onEvent(MemberEvent e) {
        if (e.kind() != MemberEvent.Kind.LEFT || e.member().nodeId() == e.snapshot().self().nodeId()) {
            return;
        }
        int slot = slotOfNode.applyAsInt(e.member().nodeId());
        if (slot < 0) {
            return;
        }
        for (DlmLockSession s : sessions) {
            s.memberLost(slot, e.member().incarnation());
        }
    }

    private long liveIncarnationOfSlot(int slot) {
        for (Member m : view.snapshot().members()) {
            if (slotOfNode.applyAsInt(m.nodeId()) == slot) {
                return m.incarnation();
            }
        }
        return 0;
    }

    private long selfIncarnation() {
        return view == null ? 0 : view.snapshot().self().incarnation();
    }

    private void execute(Runnable r) {
        try {
            blockingCallbacks.execute(r);
        } catch (RejectedExecutionException closed) {
            // the module is closing: nobody is left to call back
        }
    }

    private void release(Runnable r) {
        try {
            recoveryRelease.execute(r);
        } catch (RejectedExecutionException closed) {
            r.run();
        }
    }

    /** Stops following the view and the module's threads; sessions release their own locks, the DLM is the node's. */
    @Override
    public void close() {
        if (registration != null) {
            registration.close();
        }
        for (ExecutorService e : List.of(blockingCallbacks, recoveryRelease)) {
            e.shutdown();
        }
        try {
            blockingCallbacks.awaitTermination(5, TimeUnit.SECONDS);
            recoveryRelease.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
