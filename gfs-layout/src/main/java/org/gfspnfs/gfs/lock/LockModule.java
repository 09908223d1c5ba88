package org.gfspnfs.gfs.lock;

/**
 * The SPI between the glock layer and a lock manager (GFS2 {@code lm_lockops}). gfs-layout ships
 * {@link LocalLockModule} for nodes in one JVM; the DLM module provides the cluster one. A lockspace is named by the
 * superblock's lock table ({@code cluster:fs}).
 */
public interface LockModule extends AutoCloseable {
    /** Size of a lock value block, as in GFS2/DLM. */
    int LVB_SIZE = 32;

    /**
     * Joins the lockspace {@code lockTable} as node slot {@code nodeSlot}; blocking callbacks for this node's locks
     * arrive on {@code callback}.
     */
    LockSession join(String lockTable, int nodeSlot, BlockingCallback callback);

    @Override
    void close();
}
