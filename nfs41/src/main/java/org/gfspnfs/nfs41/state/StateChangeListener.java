package org.gfspnfs.nfs41.state;

import org.gfspnfs.nfs41.vfs.Inode;

/**
 * Told that what a client may do with a file may have shrunk: an open closed or downgraded, a lock or delegation
 * stateid gone or revoked, a layout returned, revoked or forgotten, the client released. Called under the lock of
 * the table that changed, after the change, so it must neither block nor call back into that table: the MDS's
 * stateid-verdict leases only queue the (client, file) pair and re-check it on a thread of their own.
 */
@FunctionalInterface
public interface StateChangeListener {
    void shrunk(long clientId, Inode file);
}
