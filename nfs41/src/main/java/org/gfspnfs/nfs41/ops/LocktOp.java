package org.gfspnfs.nfs41.ops;

import org.dcache.oncrpc4j.xdr.XdrAble;
import org.gfspnfs.nfs41.compound.CompoundContext;
import org.gfspnfs.nfs41.compound.Operation;
import org.gfspnfs.nfs41.state.LockRange;
import org.gfspnfs.nfs41.state.OwnerKey;
import org.gfspnfs.nfs41.status.GraceException;
import org.gfspnfs.nfs41.status.LockDeniedException;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.xdr.Lockt4Args;

/**
 * LOCKT (RFC 8881 section 18.11): tests for a conflicting lock without taking one. Another client's write
 * delegation of the file is recalled first: its holder keeps its locks to itself until then.
 */
final class LocktOp implements Operation<Lockt4Args> {
    @Override
    public XdrAble execute(CompoundContext ctx, Lockt4Args args) throws NfsException {
        Files.requireFile(ctx);
        boolean write = LockRanges.isWrite(args.lockType);
        long end = LockRanges.end(args.offset, args.length);
        if (ctx.services().grace().active()) {
            throw new GraceException("server in grace period");
        }
        Delegations.recallWriteDelegations(ctx, ctx.currentInode());
        OwnerKey owner = OwnerKey.of(ctx.client().id(), args.owner.owner);
        LockRange holder = ctx.services().states().test(owner, ctx.currentInode(), write, args.offset, end);
        if (holder != null) {
            throw new LockDeniedException(LockRanges.denied(holder));
        }
        return null;
    }
}
