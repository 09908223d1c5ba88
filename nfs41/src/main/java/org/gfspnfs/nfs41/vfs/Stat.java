package org.gfspnfs.nfs41.vfs;

import java.time.Instant;

/**
 * A file's attributes as the filesystem holds them.
 *
 * @param change a counter that increases on every change to data or metadata (RFC 8881 section 5.8.1.4: the
 *               client's cache validation rests on it; it must never go backwards, even across restarts)
 * @param mode   permission bits only (07777); the type is in {@code type}
 */
public record Stat(FileType type, int mode, int nlink, int uid, int gid, long size, long spaceUsed,
                   int rdevMajor, int rdevMinor, Instant atime, Instant mtime, Instant ctime, long change,
                   long fileId) {
}
