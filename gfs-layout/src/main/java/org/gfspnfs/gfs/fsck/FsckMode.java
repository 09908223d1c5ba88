package org.gfspnfs.gfs.fsck;

/** What fsck may do to the device, as fsck(8) {@code -n} and {@code -y}. */
public enum FsckMode {
    /** {@code -n}: read only. A dirty journal is replayed into memory so the check sees what a mount would. */
    CHECK,
    /** {@code -y}: replay dirty journals, then repair everything found, writing the device directly. */
    REPAIR
}
