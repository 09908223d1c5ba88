package org.gfspnfs.gfs;

/** State of a range of a file as {@link FileSystem#mapRange} reports it. */
public enum ExtentState {
    /** Blocks hold file data. */
    WRITTEN,
    /** Blocks are allocated to the file but read as zeros until {@link FileSystem#commitWritten} converts them. */
    UNWRITTEN,
    /** No blocks: reads as zeros, a write allocates. */
    HOLE
}
