package org.gfspnfs.gfs;

import java.time.Instant;

/**
 * A snapshot of an inode's attributes, read under the inode glock (so it is coherent cluster-wide at the time it
 * was taken).
 *
 * @param id         inode identity; {@code id.number()} is the fileid
 * @param type       inode type
 * @param mode       permission bits ({@code 07777}), without the type bits
 * @param uid        owner
 * @param gid        group
 * @param nlink      hard link count (directories: 2 + number of subdirectories)
 * @param size       size in bytes (symlinks: length of the target)
 * @param spaceUsed  bytes of device space the inode holds (dinode, tree blocks, data)
 * @param atime      last access time, nanosecond resolution
 * @param mtime      last data modification time
 * @param ctime      last status change time
 * @param change     change attribute (RFC 8881 section 5.8.1.12): bumped on every data or metadata change
 */
public record FileAttributes(InodeId id, FileType type, int mode, int uid, int gid, int nlink, long size,
                             long spaceUsed, Instant atime, Instant mtime, Instant ctime, long change) {
}
