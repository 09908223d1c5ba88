package org.gfspnfs.nfs41.ops;

import org.dcache.oncrpc4j.xdr.XdrAble;
import org.gfspnfs.nfs41.status.NoEntException;
import org.gfspnfs.nfs41.vfs.Access;
import org.gfspnfs.nfs41.vfs.Inode;
import org.gfspnfs.nfs41.vfs.Stat;
import org.gfspnfs.nfs41.xdr.Component4;
import org.gfspnfs.nfs41.compound.CompoundContext;
import org.gfspnfs.nfs41.compound.Operation;
import org.gfspnfs.nfs41.status.NfsException;

/** LOOKUP (RFC 8881 section 18.15): needs search permission on the directory; entering an export root switches to that export, and an export not shared with the client stays hidden (NOENT). */
final class LookupOp implements Operation<Component4> {
    @Override
    public XdrAble execute(CompoundContext ctx, Component4 args) throws NfsException {
        String name = Names.component(args.name);
        Stat dirSt = Files.requireDir(ctx);
        Inode dir = ctx.currentInode();
        Files.require(ctx, dir, dirSt, Access.LOOKUP);
        Inode child = ctx.services().vfs().lookup(dir, name);
        int export = ctx.services().exportAccess().exportOfChild(ctx.currentFh().exportId(), child);
        if (ctx.services().exportAccess().options(export, ctx.origin().remote().getAddress()).isEmpty()) {
            throw new NoEntException(name + " is not exported to this client");
        }
        ctx.setCurrentFh(ctx.handle(export, child));
        return null;
    }
}
