package org.gfspnfs.nfs41.ops;

import org.dcache.oncrpc4j.xdr.XdrAble;
import org.gfspnfs.nfs41.compound.CompoundContext;
import org.gfspnfs.nfs41.compound.FileHandle;
import org.gfspnfs.nfs41.compound.Operation;
import org.gfspnfs.nfs41.status.IsDirException;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.status.XdevException;
import org.gfspnfs.nfs41.vfs.Access;
import org.gfspnfs.nfs41.vfs.FileType;
import org.gfspnfs.nfs41.vfs.VirtualFileSystem;
import org.gfspnfs.nfs41.xdr.Component4;

/** LINK (RFC 8881 section 18.9): a new name in the current directory for the saved object. */
final class LinkOp implements Operation<Component4> {
    @Override
    public XdrAble execute(CompoundContext ctx, Component4 args) throws NfsException {
        String name = Names.component(args.name);
        ctx.checkWritable();
        FileHandle target = ctx.savedFh();
        FileHandle dir = ctx.currentFh();
        if (target.exportId() != dir.exportId()) {
            throw new XdevException("link across exports");
        }
        Files.requireDir(ctx);
        VirtualFileSystem vfs = ctx.services().vfs();
        if (vfs.getattr(target.inode()).type() == FileType.DIRECTORY) {
            throw new IsDirException("hard links to directories are not allowed");
        }
        Files.require(ctx, dir.inode(), Access.EXTEND | Access.LOOKUP);
        long before = Files.change(vfs, dir.inode());
        vfs.link(dir.inode(), name, target.inode());
        return Files.changeInfo(before, Files.change(vfs, dir.inode()));
    }
}
