package org.gfspnfs.gfs.lock;

/**
 * Blocking callback (DLM bast): another node wants {@code name} in {@code requested}, incompatible with what this
 * node holds. The glock layer answers asynchronously: it waits for local holders to finish, flushes the journal,
 * writes back and invalidates cached metadata, then demotes. Called on a lock-module thread; must not block on
 * anything but the local glock's holders.
 */
@FunctionalInterface
public interface BlockingCallback {
    void blocking(LockName name, LockMode requested);

    /**
     * Node slot {@code nodeSlot} died holding locks (GFS2 {@code lm_recover_slot}): the locks it held exclusively stay
     * unavailable until some node replays its journal and calls {@link LockSession#recoveryDone}. Called on a
     * lock-module thread.
     */
    default void recoveryNeeded(int nodeSlot) {
    }
}
