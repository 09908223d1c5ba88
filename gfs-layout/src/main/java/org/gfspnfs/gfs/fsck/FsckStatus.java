package org.gfspnfs.gfs.fsck;

/** The outcome of a run, with the fsck(8) exit status it maps to. */
public enum FsckStatus {
    /** No errors (notes such as a replayed journal or freed orphans do not count). */
    CLEAN(0),
    /** Errors were found and all of them were corrected. */
    CORRECTED(1),
    /** Errors were left uncorrected (always the case for errors found with {@link FsckMode#CHECK}). */
    UNCORRECTED(4),
    /** fsck could not do its job: the device could not be read or written. */
    OPERATIONAL_ERROR(8);

    private final int exitCode;

    FsckStatus(int exitCode) {
        this.exitCode = exitCode;
    }

    /** The fsck(8) exit status. */
    public int exitCode() {
        return exitCode;
    }
}
