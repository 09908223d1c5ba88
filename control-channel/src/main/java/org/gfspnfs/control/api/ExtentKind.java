package org.gfspnfs.control.api;

/** State of a mapped range on the shared device (gfs-layout's extent states, in the wire's declaration order). */
public enum ExtentKind {
    /** Blocks hold file data. */
    WRITTEN,
    /** Blocks belong to the file but read as zeros until LAYOUTCOMMIT converts them. */
    UNWRITTEN,
    /** No blocks. */
    HOLE
}
