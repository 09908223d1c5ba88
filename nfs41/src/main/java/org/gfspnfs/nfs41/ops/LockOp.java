package org.gfspnfs.nfs41.ops;

import org.dcache.oncrpc4j.xdr.XdrAble;
import org.gfspnfs.nfs41.compound.CompoundContext;
import org.gfspnfs.nfs41.compound.Operation;
import org.gfspnfs.nfs41.session.NfsClient;
import org.gfspnfs.nfs41.state.LockConflictException;
import org.gfspnfs.nfs41.state.LockState;
import org.gfspnfs.nfs41.state.OwnerKey;
import org.gfspnfs.nfs41.status.GraceException;
import org.gfspnfs.nfs41.status.LockDeniedException;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.status.NoGraceException;
import org.gfspnfs.nfs41.xdr.Lock4Args;

/**
 * LOCK (RFC 8881 section 18.10): a byte-range lock for a new lock-owner (from an open stateid) or an existing one
 * (from its lock stateid). A conflict is NFS4ERR_DENIED with the holder; blocking lock types are polled by the
 * client, as the Linux client does.
 */
final class LockOp implements Operation<Lock4Args> {
    @Override
    public XdrAble execute(CompoundContext ctx, Lock4Args args) throws NfsException {
        Files.requireFile(ctx);
        NfsClient client = ctx.client();
        boolean write = LockRanges.isWrite(args.lockType);
        long end = LockRanges.end(args.offset, args.length);
        boolean grace = ctx.services().grace().active();
        if (args.reclaim && (!grace || client.reclaimComplete())) {
            throw new NoGraceException("lock reclaim outside grace");
        }
        if (!args.reclaim && (grace || !client.reclaimComplete())) {
            throw new GraceException("server in grace period");
        }
        OwnerKey newOwner = args.newLockOwner ? OwnerKey.of(client.id(), args.lockOwner.owner) : null;
        var sid = Stateids.of(args.newLockOwner ? args.openStateid : args.lockStateid);
        try {
            LockState ls = ctx.services().states().lock(client.id(), ctx.resolveStateid(sid), newOwner, write,
                    args.offset, end);
            ctx.setCurrentStateid(ls.stateId());
            return Stateids.xdr(ls.stateId());
        } catch (LockConflictException e) {
            throw new LockDeniedException(LockRanges.denied(e.holder()));
        }
    }
}
