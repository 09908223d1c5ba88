package org.gfspnfs.mds.vfs;

import org.gfspnfs.gfs.FileAttributes;
import org.gfspnfs.gfs.InodeId;
import org.gfspnfs.nfs41.vfs.FileType;
import org.gfspnfs.nfs41.vfs.Inode;
import org.gfspnfs.nfs41.vfs.Stat;

/** Conversions between the engine's view of a file and gfs-layout's: identities, types and attributes. */
final class Attrs {
    private Attrs() {
    }

    static InodeId id(Inode inode) {
        return new InodeId(inode.number(), inode.generation());
    }

    static Inode inode(InodeId id) {
        return new Inode(id.number(), id.generation());
    }

    static FileType type(org.gfspnfs.gfs.FileType t) {
        return switch (t) {
            case REGULAR -> FileType.REGULAR;
            case DIRECTORY -> FileType.DIRECTORY;
            case SYMLINK -> FileType.SYMLINK;
            case FIFO -> FileType.FIFO;
            case SOCKET -> FileType.SOCKET;
            case CHAR_DEVICE -> FileType.CHAR_DEVICE;
            case BLOCK_DEVICE -> FileType.BLOCK_DEVICE;
        };
    }

    static org.gfspnfs.gfs.FileType type(FileType t) {
        return switch (t) {
            case REGULAR -> org.gfspnfs.gfs.FileType.REGULAR;
            case DIRECTORY -> org.gfspnfs.gfs.FileType.DIRECTORY;
            case SYMLINK -> org.gfspnfs.gfs.FileType.SYMLINK;
            case FIFO -> org.gfspnfs.gfs.FileType.FIFO;
            case SOCKET -> org.gfspnfs.gfs.FileType.SOCKET;
            case CHAR_DEVICE -> org.gfspnfs.gfs.FileType.CHAR_DEVICE;
            case BLOCK_DEVICE -> org.gfspnfs.gfs.FileType.BLOCK_DEVICE;
        };
    }

    /**
     * The engine's attributes. The fileid is the dinode address (GFS2's i_no_addr); the change attribute is the
     * dinode's journaled counter, so it never goes backwards across restarts or between nodes. gfs-layout does not
     * report the device number of device nodes yet, so they show 0,0.
     */
    static Stat stat(FileAttributes a) {
        return new Stat(type(a.type()), a.mode() & 07777, a.nlink(), a.uid(), a.gid(), a.size(), a.spaceUsed(),
                0, 0, a.atime(), a.mtime(), a.ctime(), a.change(), a.id().number());
    }

    /** Linux's dev_t encoding (as mknod(2) takes it), which is what the dinode's rdev field stores. */
    static long rdev(int major, int minor) {
        long ma = major & 0xffffffffL;
        long mi = minor & 0xffffffffL;
        return ((ma & 0xfffff000L) << 32) | ((ma & 0xfffL) << 8) | ((mi & 0xffffff00L) << 12) | (mi & 0xffL);
    }
}
