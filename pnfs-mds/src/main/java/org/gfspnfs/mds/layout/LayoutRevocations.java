package org.gfspnfs.mds.layout;

import org.gfspnfs.nfs41.vfs.Inode;

/**
 * Told when the MDS revokes a client's layout of a file (recall timeout, RFC 8881 section 12.5.5.2) or forgets a
 * client altogether (lease expiry, eviction), so data servers in other processes stop honouring the client's
 * stateids (the node forwards this as a control channel REVOKE_STATE; in-process data servers see the change in
 * the layout table directly). Both calls return once the data servers have been told.
 */
@FunctionalInterface
public interface LayoutRevocations {
    LayoutRevocations NONE = (clientId, inode, fileHandle) -> { };

    void revoked(long clientId, Inode inode, byte[] fileHandle);

    /** Every layout of the client is gone with the client. */
    default void clientGone(long clientId) {
    }
}
