package org.gfspnfs.nfs41.pnfs;

import org.gfspnfs.nfs41.vfs.Inode;

/**
 * A LAYOUTGET as the provider sees it (RFC 8881 section 18.43): which client, which file (and the handle the
 * data servers will be addressed with), which layout type, mode and range. {@code length} of -1 means to the
 * end of the file and beyond, which is what the Linux client asks for.
 */
public record LayoutRequest(long clientId, Inode inode, byte[] fileHandle, int layoutType, LayoutIoMode ioMode,
                            long offset, long length, long minLength) {
}
