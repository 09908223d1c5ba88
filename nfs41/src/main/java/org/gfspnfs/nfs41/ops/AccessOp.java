package org.gfspnfs.nfs41.ops;

import org.dcache.oncrpc4j.xdr.XdrAble;
import org.gfspnfs.nfs41.compound.CompoundContext;
import org.gfspnfs.nfs41.compound.Operation;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.vfs.Access;
import org.gfspnfs.nfs41.xdr.Access4Args;
import org.gfspnfs.nfs41.xdr.Access4Res;

/**
 * ACCESS (RFC 8881 section 18.1): what the caller may do, as the filesystem decides, minus modifications on a
 * read-only export.
 */
final class AccessOp implements Operation<Access4Args> {
    private static final int MODIFYING = Access.MODIFY | Access.EXTEND | Access.DELETE;

    @Override
    public XdrAble execute(CompoundContext ctx, Access4Args args) throws NfsException {
        int asked = args.access & Access.ALL;
        int granted = ctx.services().vfs().access(ctx.currentInode(), ctx.caller(), asked);
        if (ctx.exportOptions().readOnly()) {
            granted &= ~MODIFYING;
        }
        return new Access4Res(asked, granted & asked);
    }
}
