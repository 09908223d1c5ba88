package org.gfspnfs.nfs41.ops;

import org.dcache.oncrpc4j.xdr.XdrAble;
import org.gfspnfs.nfs41.compound.CompoundContext;
import org.gfspnfs.nfs41.compound.Operation;
import org.gfspnfs.nfs41.state.StateId;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.xdr.Close4Args;

/**
 * CLOSE (RFC 8881 section 18.2): ends an open and its lock states (LOCKS_HELD while locks remain) and returns the
 * invalid special stateid, as NFSv4.1 servers should.
 */
final class CloseOp implements Operation<Close4Args> {
    @Override
    public XdrAble execute(CompoundContext ctx, Close4Args args) throws NfsException {
        ctx.currentFh();
        ctx.services().states().close(ctx.client().id(), ctx.resolveStateid(Stateids.of(args.stateid)));
        ctx.setCurrentStateid(null);
        return Stateids.xdr(StateId.INVALID);
    }
}
