package org.gfspnfs.nfs41.vfs;

/**
 * A file's identity in the filesystem: its number and a generation that changes when the number is reused, so a
 * file handle to a deleted file is detected as stale (NFS4ERR_STALE, RFC 8881 section 4.2.3) rather than naming
 * its successor. For GFS2 the number is the dinode block address and the generation its formal inode number.
 */
public record Inode(long number, long generation) {
}
