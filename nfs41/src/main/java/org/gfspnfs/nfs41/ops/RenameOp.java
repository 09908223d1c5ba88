package org.gfspnfs.nfs41.ops;

import org.dcache.oncrpc4j.xdr.XdrAble;
import org.gfspnfs.nfs41.compound.CompoundContext;
import org.gfspnfs.nfs41.compound.FileHandle;
import org.gfspnfs.nfs41.compound.Operation;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.status.NotDirException;
import org.gfspnfs.nfs41.status.XdevException;
import org.gfspnfs.nfs41.vfs.Access;
import org.gfspnfs.nfs41.vfs.FileType;
import org.gfspnfs.nfs41.vfs.VirtualFileSystem;
import org.gfspnfs.nfs41.xdr.Rename4Args;
import org.gfspnfs.nfs41.xdr.Rename4Res;

/** RENAME (RFC 8881 section 18.26): from the saved directory to the current one, within one export. */
final class RenameOp implements Operation<Rename4Args> {
    @Override
    public XdrAble execute(CompoundContext ctx, Rename4Args args) throws NfsException {
        String from = Names.component(args.oldName);
        String to = Names.component(args.newName);
        ctx.checkWritable();
        FileHandle src = ctx.savedFh();
        FileHandle dst = ctx.currentFh();
        if (src.exportId() != dst.exportId()) {
            throw new XdevException("rename across exports");
        }
        VirtualFileSystem vfs = ctx.services().vfs();
        Files.requireDir(ctx);
        if (vfs.getattr(src.inode()).type() != FileType.DIRECTORY) {
            throw new NotDirException("saved handle is not a directory");
        }
        Files.require(ctx, src.inode(), Access.DELETE | Access.LOOKUP);
        Files.require(ctx, dst.inode(), Access.EXTEND | Access.LOOKUP);
        Delegations.recallConflicting(ctx, vfs.lookup(src.inode(), from));
        long srcBefore = Files.change(vfs, src.inode());
        long dstBefore = Files.change(vfs, dst.inode());
        vfs.rename(src.inode(), from, dst.inode(), to);
        return new Rename4Res(Files.changeInfo(srcBefore, Files.change(vfs, src.inode())),
                Files.changeInfo(dstBefore, Files.change(vfs, dst.inode())));
    }
}
