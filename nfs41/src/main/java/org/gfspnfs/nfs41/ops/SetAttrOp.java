package org.gfspnfs.nfs41.ops;

import org.dcache.oncrpc4j.xdr.XdrAble;
import org.gfspnfs.nfs41.compound.CompoundContext;
import org.gfspnfs.nfs41.compound.Operation;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.status.StatusWithBodyException;
import org.gfspnfs.nfs41.vfs.Inode;
import org.gfspnfs.nfs41.vfs.SetAttributes;
import org.gfspnfs.nfs41.vfs.Stat;
import org.gfspnfs.nfs41.xdr.Bitmap4;
import org.gfspnfs.nfs41.xdr.SetAttr4Args;

/**
 * SETATTR (RFC 8881 section 18.30): applies size, mode, owner, group and times as one update. A size change is
 * I/O and needs a stateid that permits writing; the reply carries the bitmap of what was set, empty on failure.
 */
final class SetAttrOp implements Operation<SetAttr4Args> {
    @Override
    public XdrAble execute(CompoundContext ctx, SetAttr4Args args) throws NfsException {
        try {
            ctx.checkWritable();
            SetAttributes attrs = ctx.services().attrDecoder().decode(args.attrs);
            Inode inode = ctx.currentInode();
            Stat st = ctx.services().vfs().getattr(inode);
            if (attrs.size() != null) {
                Files.requireFile(ctx);
                IoStateids.check(ctx, args.stateid, true);
            }
            Permissions.checkSetattr(ctx, inode, st, attrs, ctx.caller());
            Delegations.recallConflicting(ctx, inode);
            ctx.services().vfs().setattr(inode, attrs);
            return new Bitmap4(args.attrs.attrmask);
        } catch (NfsException e) {
            throw new StatusWithBodyException(e, new Bitmap4(new int[0]));
        }
    }
}
