package org.gfspnfs.nfs41.ops;

import org.dcache.oncrpc4j.xdr.XdrAble;
import org.gfspnfs.nfs41.compound.CompoundContext;
import org.gfspnfs.nfs41.compound.Operation;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.xdr.Stateid4;

/** DELEGRETURN (RFC 8881 section 18.6): the client gives a delegation back (after a recall, or at unmount). */
final class DelegReturnOp implements Operation<Stateid4> {
    @Override
    public XdrAble execute(CompoundContext ctx, Stateid4 args) throws NfsException {
        ctx.currentFh();
        ctx.services().states().returnDelegation(ctx.client().id(), ctx.resolveStateid(Stateids.of(args)));
        return null;
    }
}
