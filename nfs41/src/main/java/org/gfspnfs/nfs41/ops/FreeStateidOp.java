package org.gfspnfs.nfs41.ops;

import org.dcache.oncrpc4j.xdr.XdrAble;
import org.gfspnfs.nfs41.compound.CompoundContext;
import org.gfspnfs.nfs41.compound.Operation;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.xdr.Stateid4;

/** FREE_STATEID (RFC 8881 section 18.38): frees a lock stateid that holds no locks. */
final class FreeStateidOp implements Operation<Stateid4> {
    @Override
    public XdrAble execute(CompoundContext ctx, Stateid4 args) throws NfsException {
        ctx.services().states().free(ctx.client().id(), ctx.resolveStateid(Stateids.of(args)));
        return null;
    }
}
