package org.gfspnfs.gfs.format;

/** Resource-group bitmap states, 2 bits per block (GFS2 {@code GFS2_BLKST_*}). */
public enum BlockState {
    FREE, USED, UNLINKED, DINODE;

    private static final BlockState[] BY_CODE = values();

    /** The 2-bit code. */
    public int code() {
        return ordinal();
    }

    public static BlockState of(int code) {
        return BY_CODE[code & 3];
    }
}
