package org.gfspnfs.gfs.fsck;

/** Receives progress of a long fsck run (for a terminal); called from the fsck thread. */
public interface FsckProgress {
    /** No progress output. */
    FsckProgress NONE = (pass, done, total) -> { };

    /**
     * @param pass  the pass running ("journals", "resource groups", "directories", "bitmaps")
     * @param done  units done in this pass
     * @param total units in this pass (0 if unknown)
     */
    void update(String pass, long done, long total);
}
