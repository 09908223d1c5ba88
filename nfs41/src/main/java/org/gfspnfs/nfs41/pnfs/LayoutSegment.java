package org.gfspnfs.nfs41.pnfs;

/**
 * One granted layout segment (layout4): the range and mode, and the type-specific body (for
 * LAYOUT4_NFSV4_1_FILES an XDR nfsv4_1_file_layout4 the provider encodes).
 */
public record LayoutSegment(long offset, long length, LayoutIoMode ioMode, int layoutType, byte[] body) {
}
