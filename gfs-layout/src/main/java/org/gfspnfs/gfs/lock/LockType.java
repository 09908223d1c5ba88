package org.gfspnfs.gfs.lock;

/**
 * Glock types, numbered as GFS2 numbers them ({@code LM_TYPE_*}) so that DLM resource names match what a GFS2
 * reader expects.
 */
public enum LockType {
    /** Non-disk locks: the rename lock that serializes directory moves cluster-wide. */
    NONDISK(0x01),
    /** An inode's metadata and cached data; number = dinode block. */
    INODE(0x02),
    /** A resource group's header and bitmaps; number = the rgrp header block. The LVB carries its free counts. */
    RGRP(0x03),
    /** Superblock / mount-wide metadata. */
    META(0x04),
    /** "Someone has this inode open": held shared by every opener, tried exclusively to deallocate. */
    IOPEN(0x05),
    /** flock(2) locks. */
    FLOCK(0x06),
    /** A node slot's journal; held exclusively by the node that writes it or the survivor that replays it. */
    JOURNAL(0x09);

    private final int code;

    LockType(int code) {
        this.code = code;
    }

    /** GFS2 {@code LM_TYPE_*} value. */
    public int code() {
        return code;
    }
}
