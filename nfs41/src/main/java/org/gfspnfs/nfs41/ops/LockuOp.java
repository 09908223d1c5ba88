package org.gfspnfs.nfs41.ops;

import org.dcache.oncrpc4j.xdr.XdrAble;
import org.gfspnfs.nfs41.compound.CompoundContext;
import org.gfspnfs.nfs41.compound.Operation;
import org.gfspnfs.nfs41.state.LockState;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.xdr.Locku4Args;

/** LOCKU (RFC 8881 section 18.12): releases a byte range, splitting locks as needed. */
final class LockuOp implements Operation<Locku4Args> {
    @Override
    public XdrAble execute(CompoundContext ctx, Locku4Args args) throws NfsException {
        Files.requireFile(ctx);
        LockRanges.isWrite(args.lockType);
        long end = LockRanges.end(args.offset, args.length);
        LockState ls = ctx.services().states().unlock(ctx.client().id(),
                ctx.resolveStateid(Stateids.of(args.stateid)), args.offset, end);
        ctx.setCurrentStateid(ls.stateId());
        return Stateids.xdr(ls.stateId());
    }
}
