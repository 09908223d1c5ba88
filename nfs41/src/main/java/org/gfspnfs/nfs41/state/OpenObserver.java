package org.gfspnfs.nfs41.state;

import org.gfspnfs.nfs41.vfs.Inode;

/**
 * Told when an open state of a file ends (CLOSE, lease expiry, client destruction), outside the state manager's
 * lock. The server wires it to {@code VirtualFileSystem.closed}, so a filesystem can keep unlinked-but-open
 * files alive (GFS2: the iopen glock).
 */
@FunctionalInterface
public interface OpenObserver {
    void closed(Inode file);
}
