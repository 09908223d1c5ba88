package org.gfspnfs.nfs41.ops;

import org.dcache.oncrpc4j.xdr.XdrAble;
import org.gfspnfs.nfs41.compound.CompoundContext;
import org.gfspnfs.nfs41.compound.Operation;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.vfs.Access;
import org.gfspnfs.nfs41.vfs.Inode;
import org.gfspnfs.nfs41.vfs.Stat;
import org.gfspnfs.nfs41.vfs.VirtualFileSystem;
import org.gfspnfs.nfs41.xdr.Component4;

/** REMOVE (RFC 8881 section 18.25): unlinks a name, or removes an empty directory. */
final class RemoveOp implements Operation<Component4> {
    @Override
    public XdrAble execute(CompoundContext ctx, Component4 args) throws NfsException {
        String name = Names.component(args.name);
        ctx.checkWritable();
        Stat dirSt = Files.requireDir(ctx);
        Inode dir = ctx.currentInode();
        Files.require(ctx, dir, dirSt, Access.DELETE | Access.LOOKUP);
        VirtualFileSystem vfs = ctx.services().vfs();
        if (ctx.services().states().anyDelegations()) {
            Delegations.recallConflicting(ctx, vfs.lookup(dir, name));
        }
        // change_info is reported non-atomic, so the attributes read for the checks serve as "before".
        long before = dirSt.change();
        vfs.remove(dir, name);
        return Files.changeInfo(before, Files.change(vfs, dir));
    }
}
