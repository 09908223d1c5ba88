package org.gfspnfs.nfs41.pnfs;

import java.time.Instant;

import org.gfspnfs.nfs41.vfs.Inode;

/**
 * A LAYOUTCOMMIT (RFC 8881 section 18.42): the client wrote [offset, offset+length) through the layout; the MDS
 * makes the data visible (for us: converts unwritten extents, sets size and mtime). {@code lastWriteOffset} is
 * -1 when the client sent none; {@code mtime} null when none.
 */
public record LayoutCommit(long clientId, Inode inode, long offset, long length, long lastWriteOffset,
                           Instant mtime, int layoutType, byte[] body) {
}
