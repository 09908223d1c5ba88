package org.gfspnfs.nfs41.ops;

import org.gfspnfs.nfs41.attr.AttrSource;
import org.gfspnfs.nfs41.compound.CompoundContext;
import org.gfspnfs.nfs41.compound.FileHandle;
import org.gfspnfs.nfs41.status.AccessDeniedException;
import org.gfspnfs.nfs41.status.InvalException;
import org.gfspnfs.nfs41.status.IsDirException;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.status.NotDirException;
import org.gfspnfs.nfs41.status.SymlinkException;
import org.gfspnfs.nfs41.vfs.FileType;
import org.gfspnfs.nfs41.vfs.Inode;
import org.gfspnfs.nfs41.vfs.Stat;
import org.gfspnfs.nfs41.vfs.VirtualFileSystem;
import org.gfspnfs.nfs41.xdr.ChangeInfo4;

/** Checks and conversions the file operations share: object types, permissions, change info, attributes. */
final class Files {
    private Files() {
    }

    /** The current object, which must be a directory (SYMLINK for a link, NOTDIR otherwise). */
    static Stat requireDir(CompoundContext ctx) throws NfsException {
        Stat st = ctx.services().vfs().getattr(ctx.currentInode());
        if (st.type() == FileType.DIRECTORY) {
            return st;
        }
        throw st.type() == FileType.SYMLINK ? new SymlinkException() : new NotDirException();
    }

    /** The current object, which must be a regular file (ISDIR, SYMLINK or INVAL otherwise). */
    static Stat requireFile(CompoundContext ctx) throws NfsException {
        Stat st = ctx.services().vfs().getattr(ctx.currentInode());
        switch (st.type()) {
            case REGULAR:
                return st;
            case DIRECTORY:
                throw new IsDirException();
            case SYMLINK:
                throw new SymlinkException();
            default:
                throw new InvalException("not a regular file");
        }
    }

    /** {@link #require(CompoundContext, Inode, int)} with the attributes this request already read. */
    static void require(CompoundContext ctx, Inode inode, Stat st, int mask) throws NfsException {
        int granted = ctx.services().vfs().access(inode, st, ctx.caller(), mask);
        if ((granted & mask) != mask) {
            throw new AccessDeniedException("access " + Integer.toHexString(mask) + " denied");
        }
    }

    /** Throws ACCESS unless the caller has every bit of {@code mask} on {@code inode}. */
    static void require(CompoundContext ctx, Inode inode, int mask) throws NfsException {
        int granted = ctx.services().vfs().access(inode, ctx.caller(), mask);
        if ((granted & mask) != mask) {
            throw new AccessDeniedException("access " + Integer.toHexString(mask) + " denied");
        }
    }

    static ChangeInfo4 changeInfo(long before, long after) {
        return new ChangeInfo4(false, before, after);
    }

    static long change(VirtualFileSystem vfs, Inode dir) throws NfsException {
        return vfs.getattr(dir).change();
    }

    static AttrSource source(CompoundContext ctx, FileHandle fh, Stat st) {
        VirtualFileSystem vfs = ctx.services().vfs();
        return new AttrSource(st, fh::toBytes, vfs.info(), vfs::statfs, () -> {
            try {
                return PnfsChecks.exportLayoutTypes(ctx, fh.exportId());
            } catch (NfsException e) {
                // Not exported to this client (or not with its flavor): it can get no layout there either.
                return new int[0];
            }
        });
    }
}
