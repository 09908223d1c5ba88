package org.gfspnfs.nfs41.ops;

import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrVoid;
import org.gfspnfs.nfs41.compound.CompoundContext;
import org.gfspnfs.nfs41.compound.Operation;
import org.gfspnfs.nfs41.status.NfsException;

/** RESTOREFH (RFC 8881 section 18.27). */
final class RestoreFhOp implements Operation<XdrVoid> {
    @Override
    public XdrAble execute(CompoundContext ctx, XdrVoid args) throws NfsException {
        ctx.restoreFh();
        return null;
    }
}
