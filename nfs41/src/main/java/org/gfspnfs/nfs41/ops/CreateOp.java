package org.gfspnfs.nfs41.ops;

import java.nio.charset.StandardCharsets;

import org.dcache.oncrpc4j.xdr.XdrAble;
import org.gfspnfs.nfs41.compound.CompoundContext;
import org.gfspnfs.nfs41.compound.Operation;
import org.gfspnfs.nfs41.status.BadTypeException;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.vfs.Access;
import org.gfspnfs.nfs41.vfs.Caller;
import org.gfspnfs.nfs41.vfs.FileType;
import org.gfspnfs.nfs41.vfs.Inode;
import org.gfspnfs.nfs41.vfs.SetAttributes;
import org.gfspnfs.nfs41.vfs.Stat;
import org.gfspnfs.nfs41.vfs.VirtualFileSystem;
import org.gfspnfs.nfs41.xdr.Create4Args;
import org.gfspnfs.nfs41.xdr.Create4Res;
import org.gfspnfs.nfs41.xdr.FileType4;

/**
 * CREATE (RFC 8881 section 18.4): directories, symbolic links, device nodes, FIFOs and sockets (regular files are
 * made by OPEN). The new object becomes the current file handle; its creation attributes other than the mode are
 * applied right after.
 */
final class CreateOp implements Operation<Create4Args> {
    @Override
    public XdrAble execute(CompoundContext ctx, Create4Args args) throws NfsException {
        String name = Names.component(args.name);
        ctx.checkWritable();
        Stat dirSt = Files.requireDir(ctx);
        Inode dir = ctx.currentInode();
        Files.require(ctx, dir, dirSt, Access.EXTEND | Access.LOOKUP);
        SetAttributes attrs = ctx.services().attrDecoder().decode(args.attrs);
        Caller caller = ctx.caller();
        VirtualFileSystem vfs = ctx.services().vfs();
        // change_info is reported non-atomic, so the attributes read for the checks serve as "before".
        long before = dirSt.change();
        Inode created;
        if (args.type == FileType4.NF4LNK) {
            String target = new String(args.linkData, StandardCharsets.UTF_8);
            created = vfs.symlink(dir, name, target, mode(attrs, 0777), caller);
        } else {
            FileType type = type(args.type);
            int major = args.devData == null ? 0 : args.devData.major;
            int minor = args.devData == null ? 0 : args.devData.minor;
            created = vfs.create(dir, name, type, mode(attrs, type == FileType.DIRECTORY ? 0755 : 0644), caller,
                    major, minor);
        }
        SetAttributes rest = new SetAttributes(null, attrs.uid(), attrs.gid(), attrs.size(), attrs.atime(),
                attrs.mtime());
        if (!rest.isEmpty()) {
            vfs.setattr(created, rest);
        }
        long after = Files.change(vfs, dir);
        ctx.setCurrentFh(ctx.handleInCurrentExport(created));
        return new Create4Res(Files.changeInfo(before, after), args.attrs.attrmask);
    }

    private static int mode(SetAttributes a, int dflt) {
        return a.mode() != null ? a.mode() : dflt;
    }

    private static FileType type(int t) throws NfsException {
        return switch (t) {
            case FileType4.NF4DIR -> FileType.DIRECTORY;
            case FileType4.NF4BLK -> FileType.BLOCK_DEVICE;
            case FileType4.NF4CHR -> FileType.CHAR_DEVICE;
            case FileType4.NF4FIFO -> FileType.FIFO;
            case FileType4.NF4SOCK -> FileType.SOCKET;
            default -> throw new BadTypeException("CREATE cannot make type " + t);
        };
    }
}
