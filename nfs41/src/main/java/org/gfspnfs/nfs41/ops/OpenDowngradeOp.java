package org.gfspnfs.nfs41.ops;

import org.dcache.oncrpc4j.xdr.XdrAble;
import org.gfspnfs.nfs41.compound.CompoundContext;
import org.gfspnfs.nfs41.compound.Operation;
import org.gfspnfs.nfs41.state.OpenState;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.xdr.OpenDowngrade4Args;

/** OPEN_DOWNGRADE (RFC 8881 section 18.18): reduces an open's share access and deny bits. */
final class OpenDowngradeOp implements Operation<OpenDowngrade4Args> {
    @Override
    public XdrAble execute(CompoundContext ctx, OpenDowngrade4Args args) throws NfsException {
        ctx.currentFh();
        OpenState o = ctx.services().states().downgrade(ctx.client().id(),
                ctx.resolveStateid(Stateids.of(args.stateid)), args.shareAccess & OpenOp.SHARE_ACCESS_MASK,
                args.shareDeny);
        ctx.setCurrentStateid(o.stateId());
        return Stateids.xdr(o.stateId());
    }
}
