package org.gfspnfs.gfs;

/**
 * A contiguous range of a file and where it lives on the shared device. For pNFS data servers: an UNWRITTEN
 * extent may be written directly at {@code deviceOffset} without any metadata change, then converted by LAYOUTCOMMIT.
 *
 * @param fileOffset   byte offset in the file (block aligned)
 * @param length       length in bytes (a multiple of the block size)
 * @param deviceOffset byte offset on the device; -1 for a HOLE
 * @param state        written, unwritten or hole
 */
public record Extent(long fileOffset, long length, long deviceOffset, ExtentState state) {
}
