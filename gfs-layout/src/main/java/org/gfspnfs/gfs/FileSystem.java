package org.gfspnfs.gfs;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A GFS-style shared-disk filesystem mounted by one node: every node mounts the same block device with its own
 * journal and coordinates through glocks (see {@code org.gfspnfs.gfs.lock.LockModule}). Every operation takes the
 * glocks it needs (inode glocks before resource-group glocks, each kind in ascending number order), so what it reads
 * is coherent cluster-wide and what it changes is journaled before another node can see it.
 *
 * <p>Durability: metadata changes are journaled and committed in batches (GFS2 log flush) at {@link #fsync},
 * {@link #sync}, when another node asks for a glock this node holds, when the batch grows large, and on close.
 * Data is not journaled (ordered mode): it reaches the device before the metadata commit that references it.
 * With {@link MountOptions#syncMetadata()} every namespace operation commits before it returns.
 *
 * <p>Names are at most 255 bytes of UTF-8 and must not be empty, ".", ".." or contain '/' or NUL.
 * Permission checks are the caller's business (the NFS layer knows the credentials).
 */
public interface FileSystem extends AutoCloseable {

    /** Superblock identity and the journal this mount writes. */
    FsInfo info();

    /** The root directory. */
    InodeId root();

    /** Resolves {@code name} in directory {@code dir}. "." and ".." are understood. */
    InodeId lookup(InodeId dir, String name) throws GfsException;

    /** Attributes of an inode; {@link StaleHandleException} if the handle's generation is dead. */
    FileAttributes getattr(InodeId id) throws GfsException;

    /**
     * Attributes of several inodes (a directory page's entries) in one operation instead of one each: one element
     * per id, in order, null where the inode is gone or its generation is dead (removed since the listing).
     */
    default List<FileAttributes> getattrs(List<InodeId> ids) throws GfsException {
        List<FileAttributes> out = new ArrayList<>(ids.size());
        for (InodeId id : ids) {
            try {
                out.add(getattr(id));
            } catch (NoSuchFileException | StaleHandleException gone) {
                out.add(null);
            }
        }
        return out;
    }

    /**
     * Changes attributes. A size change truncates (freeing blocks) or extends with a hole; mtime is set by a size
     * change unless given.
     */
    FileAttributes setattr(InodeId id, SetAttributes change) throws GfsException;

    /** Creates a regular file (exclusive: {@link FileExistsException} if the name exists). */
    FileAttributes create(InodeId dir, String name, int mode, int uid, int gid) throws GfsException;

    /** Creates a directory. */
    FileAttributes mkdir(InodeId dir, String name, int mode, int uid, int gid) throws GfsException;

    /** Creates a symbolic link holding {@code target} (at most one block minus the dinode header). */
    FileAttributes symlink(InodeId dir, String name, String target, int uid, int gid) throws GfsException;

    /** Creates a FIFO, socket or device node; {@code rdev} is kept for device nodes. */
    FileAttributes mknod(InodeId dir, String name, FileType type, int mode, int uid, int gid, long rdev)
            throws GfsException;

    /** The target of a symbolic link. */
    String readlink(InodeId id) throws GfsException;

    /** Adds a hard link to a non-directory. */
    FileAttributes link(InodeId target, InodeId dir, String name) throws GfsException;

    /** Removes a non-directory entry; an inode whose last link goes stays alive while someone holds it open. */
    void unlink(InodeId dir, String name) throws GfsException;

    /** Removes an empty directory. */
    void rmdir(InodeId dir, String name) throws GfsException;

    /**
     * {@link #unlink} ({@code directory} false) or {@link #rmdir} (true) in one operation, returning the removed
     * inode if this took its last link (it is freed once nobody holds it open), else null: callers that must
     * forget state of gone files need no lookup before the removal.
     */
    InodeId removeEntry(InodeId dir, String name, boolean directory) throws GfsException;

    /**
     * Atomically renames, also across directories; replaces an existing target as POSIX rename(2) does
     * (a directory only over an empty directory, a non-directory only over a non-directory). Moving a directory
     * below itself fails with {@link RenameLoopException}.
     */
    void rename(InodeId srcDir, String srcName, InodeId dstDir, String dstName) throws GfsException;

    /**
     * Lists entries after {@code cookie} (0 = from the start) in cookie order, at most {@code maxEntries}.
     */
    DirListing readdir(InodeId dir, long cookie, int maxEntries) throws GfsException;

    /** Reads at {@code offset} into {@code dst}; returns bytes read, 0 at or beyond end of file. Holes read 0. */
    int read(InodeId id, long offset, ByteBuffer dst) throws GfsException;

    /**
     * Reads like {@link #read} and returns the file size seen by the same operation (under the same SH inode glock),
     * so a server can tell end-of-file without a second operation. Bytes read are {@code dst}'s position change.
     */
    long readReturningSize(InodeId id, long offset, ByteBuffer dst) throws GfsException;

    /**
     * Maps a read of {@code count} bytes at {@code offset} (fewer at the end of the file) for the caller to copy or
     * send later, under the same SH inode glock as the file size it reports; see {@link MappedRead}. The caller
     * closes it.
     */
    MappedRead mapRead(InodeId id, long offset, int count) throws GfsException;

    /** Writes all of {@code src} at {@code offset}, allocating blocks as needed; returns bytes written. */
    int write(InodeId id, long offset, ByteBuffer src) throws GfsException;

    /** Makes the file's data and all committed-so-far metadata durable. */
    void fsync(InodeId id) throws GfsException;

    /** Commits the journal and forces the device. */
    void sync() throws GfsException;

    /** Free and total blocks and inodes. */
    FsStat statfs() throws GfsException;

    /** This mount's glock and journal counters. */
    MountStats stats();

    /**
     * Takes an open-like hold (iopen glock) so the inode outlives its last unlink until released.
     */
    InodeHold open(InodeId id) throws GfsException;

    /**
     * pNFS write path: allocates every hole in {@code [offset, offset+length)} (rounded out to blocks) as unwritten
     * extents, journaled. Existing blocks stay as they are. Does not change the file size.
     */
    List<Extent> allocateUnwritten(InodeId id, long offset, long length) throws GfsException;

    /** The block mapping of {@code [offset, offset+length)} (rounded out to blocks), holes included, in order. */
    List<Extent> mapRange(InodeId id, long offset, long length) throws GfsException;

    /**
     * LAYOUTCOMMIT: marks the unwritten blocks in the range written, and raises the size to {@code newSize} if it is
     * larger (never shrinks), sets mtime (and ctime, change attribute). Returns the new attributes.
     */
    FileAttributes commitWritten(InodeId id, long offset, long length, long newSize, Instant mtime)
            throws GfsException;

    /**
     * Replays another node's journal after that node was fenced (filesystem recovery, DESIGN step 5). Takes the
     * journal's glock exclusively; returns the number of transactions replayed.
     */
    int recoverJournal(int journalId) throws GfsException;

    /** Commits the journal, releases every glock and closes; the device is not closed (the caller owns it). */
    @Override
    void close() throws GfsException;
}
