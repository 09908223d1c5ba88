package org.gfspnfs.dlm.glock;

import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.gfspnfs.dlm.api.Dlm;
import org.gfspnfs.gfs.lock.BlockingCallback;
import org.gfspnfs.gfs.lock.LockModule;
import org.gfspnfs.gfs.lock.LockSession;

/**
 * gfs-layout's glock {@link LockModule} SPI (GFS2 {@code lm_lockops}, lock_dlm) implemented on the DLM: one
 * lockspace per lock table, one DLM lock per glock, glock states mapped UN/SH/DF/EX to NL/PR/CW/EX, value blocks
 * always requested (VALBLK), blocking callbacks passed on with the glock state the other node wants; the glock
 * layer answers them by writing back and invalidating before it demotes.
 */
public final class DlmLockModule implements LockModule {
    private final Dlm dlm;
    /**
     * Blocking callbacks run here, not on the DLM's callback thread: the glock layer may wait in one for its local
     * holders, and those may be waiting for a grant that the DLM's callback thread has to deliver.
     */
    private final ExecutorService blockingCallbacks = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "glock-blocking");
        t.setDaemon(true);
        return t;
    });

    /** A lock module over {@code dlm}, which the caller owns (closing the module does not close the DLM). */
    public DlmLockModule(Dlm dlm) {
        this.dlm = Objects.requireNonNull(dlm, "dlm");
    }

    @Override
    public LockSession join(String lockTable, int nodeSlot, BlockingCallback callback) {
        BlockingCallback offThread = (name, mode) -> blockingCallbacks.execute(() -> callback.blocking(name, mode));
        return new DlmLockSession(dlm.lockspace(lockTable), nodeSlot, offThread);
    }

    /** Stops the blocking-callback thread; sessions release their own locks and the DLM belongs to the node. */
    @Override
    public void close() {
        blockingCallbacks.shutdown();
        try {
            blockingCallbacks.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
