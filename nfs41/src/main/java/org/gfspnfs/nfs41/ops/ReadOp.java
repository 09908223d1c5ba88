package org.gfspnfs.nfs41.ops;

import org.dcache.oncrpc4j.xdr.XdrAble;
import org.gfspnfs.nfs41.compound.CompoundContext;
import org.gfspnfs.nfs41.compound.Operation;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.vfs.Access;
import org.gfspnfs.nfs41.vfs.Caller;
import org.gfspnfs.nfs41.vfs.Inode;
import org.gfspnfs.nfs41.vfs.ReadResult;
import org.gfspnfs.nfs41.vfs.Stat;
import org.gfspnfs.nfs41.xdr.Read4Args;
import org.gfspnfs.nfs41.xdr.Read4Res;

/**
 * READ (RFC 8881 section 18.22): the stateid must name an open (or lock) of this file, or be a special stateid;
 * the caller needs read or execute permission unless it owns the file; another client's write delegation of the
 * file is recalled first (a reader with its own open already recalled it at OPEN). The count is capped at maxread
 * and at what the reply has room for under the session's ca_maxresponsesize.
 */
final class ReadOp implements Operation<Read4Args> {
    @Override
    public XdrAble execute(CompoundContext ctx, Read4Args args) throws NfsException {
        Stat st = Files.requireFile(ctx);
        Inode inode = ctx.currentInode();
        IoStateids.check(ctx, args.stateid, false);
        Delegations.recallWriteDelegations(ctx, inode);
        Caller caller = ctx.caller();
        if (caller.uid() != st.uid()) {
            int granted = ctx.services().vfs().access(inode, st, caller, Access.READ | Access.EXECUTE);
            if (granted == 0) {
                Files.require(ctx, inode, st, Access.READ);
            }
        }
        if (args.offset < 0) {
            // Offsets at or past 2^63 are beyond any file this server can hold.
            return new Read4Res(true, new byte[0]);
        }
        int count = Math.min(Math.max(args.count, 0), ReplyLimits.read(ctx));
        ReadResult r = ctx.services().vfs().read(inode, args.offset, count);
        boolean last = ctx.opIndex() == ctx.opCount() - 1;
        if (ctx.cacheThis() || (r.payload() != null && !last)) {
            // The session keeps this reply and may send it again: it must not share a buffer that goes back to a pool.
            // A payload sent from where it lies must end the reply (the transport sends it after the rest).
            r = r.detached();
        }
        if (r.payload() != null) {
            return new Read4Res(r.eof(), r.payload());
        }
        return new Read4Res(r.eof(), r.data(), r.onSent());
    }
}
