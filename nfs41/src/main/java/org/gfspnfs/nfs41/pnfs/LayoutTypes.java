package org.gfspnfs.nfs41.pnfs;

/** layouttype4 values (RFC 8881 section 3.3.13; flexfiles RFC 8435). */
public final class LayoutTypes {
    public static final int NFSV4_1_FILES = 1;
    public static final int OSD2_OBJECTS = 2;
    public static final int BLOCK_VOLUME = 3;
    public static final int FLEX_FILES = 4;

    private LayoutTypes() {
    }
}
