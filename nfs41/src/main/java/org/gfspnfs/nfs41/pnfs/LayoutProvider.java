package org.gfspnfs.nfs41.pnfs;

import java.util.List;

import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.vfs.Inode;

/**
 * The layout side of a pNFS metadata server (RFC 8881 chapter 12): the engine owns layout stateids, sessions and
 * the backchannel; the provider decides what layouts look like and where data lives. Implemented by pnfs-mds over
 * gfs-layout. Errors are the status exceptions: LayoutUnavailableException, LayoutTryLaterException,
 * UnknownLayoutTypeException, NoEntException (unknown device), TooSmallException.
 */
public interface LayoutProvider {

    /** Layout types offered, in preference order (fs_layout_types attribute). */
    int[] layoutTypes();

    /** Preferred I/O size (layout_blksize attribute), e.g. the stripe unit. */
    int blockSize();

    /**
     * Files smaller than this many bytes are best read and written through the MDS (mdsthreshold attribute): a
     * layout would cost them more round trips than it saves. 0: no such hint.
     */
    default long mdsThreshold() {
        return 0;
    }

    /** Called once by the engine so the provider can recall layouts through the backchannel. */
    void attach(LayoutRecaller recaller);

    /** LAYOUTGET: the segments granted for the request, at least covering minLength from offset. */
    List<LayoutSegment> layoutGet(LayoutRequest request) throws NfsException;

    /** GETDEVICEINFO: the address of a device of the given layout type. */
    DeviceAddress deviceInfo(DeviceId id, int layoutType) throws NfsException;

    /** GETDEVICELIST: all devices of a layout type. */
    List<DeviceId> deviceList(int layoutType) throws NfsException;

    /** LAYOUTRETURN of a range of one file (length -1 = to end). */
    void layoutReturn(long clientId, Inode inode, LayoutIoMode ioMode, long offset, long length, byte[] body)
            throws NfsException;

    /** LAYOUTCOMMIT; returns the new file size, or -1 if it did not change. */
    long layoutCommit(LayoutCommit commit) throws NfsException;

    /** The client's state is gone (expiry, destruction): forget its layouts. */
    void clientGone(long clientId);
}
