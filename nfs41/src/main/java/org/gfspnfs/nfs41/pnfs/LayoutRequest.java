package org.gfspnfs.nfs41.pnfs;

import org.gfspnfs.nfs41.state.StateId;
import org.gfspnfs.nfs41.vfs.Inode;

/**
 * A LAYOUTGET as the provider sees it (RFC 8881 section 18.43): which client, which file (and the handle the
 * data servers will be addressed with), which layout type, mode and range. {@code length} of -1 means to the
 * end of the file and beyond, which is what the Linux client asks for. {@code layoutStateid} is the layout stateid
 * the grant will carry (seqid 0 = current), for layout types whose body names it (flexfiles, RFC 8435 5.1).
 */
public record LayoutRequest(long clientId, Inode inode, byte[] fileHandle, int layoutType, LayoutIoMode ioMode,
                            long offset, long length, long minLength, StateId layoutStateid) {

    /** A request whose layout stateid is not known (the files layout does not carry it). */
    public LayoutRequest(long clientId, Inode inode, byte[] fileHandle, int layoutType, LayoutIoMode ioMode,
                         long offset, long length, long minLength) {
        this(clientId, inode, fileHandle, layoutType, ioMode, offset, length, minLength, StateId.ANONYMOUS);
    }
}
