package org.gfspnfs.nfs41.vfs;

import java.nio.ByteBuffer;

import org.gfspnfs.nfs41.status.NfsException;

/**
 * The filesystem the NFSv4.1 engine serves. It speaks in inodes, names and POSIX attributes; it never sees XDR,
 * file handles, stateids or sessions. Failures are the engine's typed exceptions from
 * {@code org.gfspnfs.nfs41.status} (NoEntException, ExistException, NotDirException, StaleException, ...), which
 * the engine returns to the client unchanged. Methods are called concurrently from many request threads; the
 * implementation does its own locking (for GFS2, under the inode glocks).
 *
 * <p>Names are single path components (never "." or ".."; the engine rejects those). Every method that changes a
 * file or directory must advance that object's change attribute (RFC 8881 section 5.8.1.4).
 */
public interface VirtualFileSystem {

    /** The root directory. */
    Inode root() throws NfsException;

    /** Static filesystem properties (fsid, limits). */
    FsInfo info();

    /** The entry {@code name} in {@code dir}: NoEnt if absent, NotDir if {@code dir} is not a directory. */
    Inode lookup(Inode dir, String name) throws NfsException;

    /** The parent of a directory; the root's parent is the root (LOOKUPP, RFC 8881 section 18.14). */
    Inode parent(Inode dir) throws NfsException;

    /** Current attributes; Stale if the inode no longer exists or its generation differs. */
    Stat getattr(Inode inode) throws NfsException;

    /** Applies {@code attrs} as one update and returns the new attributes. Size changes truncate or extend. */
    Stat setattr(Inode inode, SetAttributes attrs) throws NfsException;

    /**
     * Creates a regular file, directory, FIFO, socket or device node owned by {@code owner}; Exist if the name is
     * taken. {@code rdevMajor}/{@code rdevMinor} are used only for device nodes.
     */
    Inode create(Inode dir, String name, FileType type, int mode, Caller owner, int rdevMajor, int rdevMinor)
            throws NfsException;

    /** Creates a symbolic link to {@code target}. */
    Inode symlink(Inode dir, String name, String target, int mode, Caller owner) throws NfsException;

    /** Adds a hard link {@code name} in {@code dir} to {@code target}. */
    void link(Inode dir, String name, Inode target) throws NfsException;

    /** Removes {@code name}; a directory only if empty (NotEmpty otherwise). */
    void remove(Inode dir, String name) throws NfsException;

    /** Renames atomically, replacing a compatible target (POSIX rename(2) semantics). */
    void rename(Inode fromDir, String fromName, Inode toDir, String toName) throws NfsException;

    /** The target of a symbolic link (Inval if not a link). */
    String readlink(Inode link) throws NfsException;

    /**
     * Up to {@code maxEntries} entries after {@code cookie} (0 = from the start), without "." and "..".
     * {@code verifier} is the one from the page that produced the cookie (0 with cookie 0); a mismatch the
     * filesystem cannot honour is NotSame.
     */
    DirPage readdir(Inode dir, long cookie, long verifier, int maxEntries) throws NfsException;

    /** Reads up to {@code count} bytes at {@code offset}; fewer only at end of file. Holes read as zeros. */
    ReadResult read(Inode file, long offset, int count) throws NfsException;

    /** Writes {@code length} bytes of {@code data} from {@code dataOffset} at file offset {@code offset}. */
    WriteResult write(Inode file, long offset, byte[] data, int dataOffset, int length, Stability stability)
            throws NfsException;

    /**
     * Writes the remaining bytes of {@code data} at {@code offset}. The engine passes a view of the received
     * request, valid only during the call, so the bytes are not copied on the way in; a filesystem that can write
     * from a buffer overrides this (the default copies into an array).
     */
    default WriteResult write(Inode file, long offset, ByteBuffer data, Stability stability) throws NfsException {
        byte[] bytes = new byte[data.remaining()];
        data.duplicate().get(bytes);
        return write(file, offset, bytes, 0, bytes.length, stability);
    }

    /** Makes earlier UNSTABLE writes in the range durable (length 0 = to end of file). */
    void commit(Inode file, long offset, long length) throws NfsException;

    /** Space and file counts. */
    FsStat statfs() throws NfsException;

    /**
     * A client now holds an open of {@code file} (OPEN, also a reclaim): called once per open stateid, not on
     * upgrades. A failure fails the OPEN. Lets a filesystem keep an unlinked file alive while it is open.
     */
    default void opened(Inode file) throws NfsException {
    }

    /**
     * That open is gone (CLOSE, lease expiry, client destroyed). Never called for an open that was not
     * {@link #opened}; must not throw for an unknown file.
     */
    default void closed(Inode file) throws NfsException {
    }

    /**
     * Whether an unlinked file stays readable and writable while opens remain (OPEN4_RESULT_PRESERVE_UNLINKED):
     * then the Linux client removes open files directly instead of renaming them to ".nfsXXXX".
     */
    default boolean preservesUnlinkedOpenFiles() {
        return false;
    }

    /**
     * The subset of {@code mask} (Access bits) {@code caller} may do on {@code inode}. The default applies POSIX
     * mode bits; a filesystem with ACLs overrides it.
     */
    default int access(Inode inode, Caller caller, int mask) throws NfsException {
        return Access.fromMode(getattr(inode), caller, mask);
    }

    /**
     * {@link #access(Inode, Caller, int)} when the engine already read {@code st}, the object's attributes, in the
     * same request. The default asks again; a filesystem whose permissions are its mode bits answers from
     * {@code st} and saves a getattr per checked operation.
     */
    default int access(Inode inode, Stat st, Caller caller, int mask) throws NfsException {
        return access(inode, caller, mask);
    }
}
