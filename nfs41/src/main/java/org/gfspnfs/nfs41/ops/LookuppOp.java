package org.gfspnfs.nfs41.ops;

import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrVoid;
import org.gfspnfs.nfs41.status.NoEntException;
import org.gfspnfs.nfs41.vfs.Inode;
import org.gfspnfs.nfs41.compound.CompoundContext;
import org.gfspnfs.nfs41.compound.Operation;
import org.gfspnfs.nfs41.status.NfsException;

/** LOOKUPP (RFC 8881 section 18.14): the parent directory; NOENT at the root. */
final class LookuppOp implements Operation<XdrVoid> {
    @Override
    public XdrAble execute(CompoundContext ctx, XdrVoid args) throws NfsException {
        Files.requireDir(ctx);
        Inode dir = ctx.currentInode();
        if (dir.equals(ctx.services().vfs().root())) {
            throw new NoEntException("the root has no parent");
        }
        Inode parent = ctx.services().vfs().parent(dir);
        int export = ctx.services().exportAccess().exportOfParent(ctx.currentFh().exportId(), dir);
        ctx.setCurrentFh(ctx.handle(export, parent));
        return null;
    }
}
