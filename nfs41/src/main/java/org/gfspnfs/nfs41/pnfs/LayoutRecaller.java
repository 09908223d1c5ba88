package org.gfspnfs.nfs41.pnfs;

import java.util.concurrent.CompletionStage;

import org.gfspnfs.nfs41.vfs.Inode;

/**
 * Recalls layouts through a client's backchannel (CB_LAYOUTRECALL, RFC 8881 section 20.3) and announces device
 * changes (CB_NOTIFY_DEVICEID, section 20.12). Implemented by the engine and handed to the
 * {@link LayoutProvider}. The stage completes when the client has answered the callback (not when it has
 * returned the layout, which arrives later as LAYOUTRETURN).
 */
public interface LayoutRecaller {

    /** Recalls a range of one file's layouts from one client. */
    CompletionStage<Void> recallFile(long clientId, Inode inode, LayoutIoMode ioMode, long offset, long length);

    /** Recalls every layout a client holds. */
    CompletionStage<Void> recallAll(long clientId, int layoutType);

    /** Tells a client that a device was deleted or changed. */
    CompletionStage<Void> notifyDeviceChange(long clientId, int layoutType, DeviceId id, boolean deleted);
}
