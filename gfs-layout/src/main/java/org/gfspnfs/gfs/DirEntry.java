package org.gfspnfs.gfs;

/**
 * One directory entry as readdir returns it.
 *
 * @param name   entry name
 * @param id     the inode it names
 * @param type   the inode's type (stored in the entry, as GFS2 does, so readdir needs no dinode reads)
 * @param cookie resume position: passing it to {@link FileSystem#readdir} continues after this entry. Cookies are
 *               derived from the name hash plus a per-hash sequence stored in the entry, so they stay valid while
 *               other entries are inserted or removed. Never 0, 1 or 2 (reserved by NFSv4).
 */
public record DirEntry(String name, InodeId id, FileType type, long cookie) {
}
