package org.gfspnfs.nfs41.ops;

import org.dcache.oncrpc4j.xdr.XdrAble;
import org.gfspnfs.nfs41.compound.CompoundContext;
import org.gfspnfs.nfs41.compound.Operation;
import org.gfspnfs.nfs41.status.InvalException;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.vfs.Access;
import org.gfspnfs.nfs41.vfs.Caller;
import org.gfspnfs.nfs41.vfs.Inode;
import org.gfspnfs.nfs41.vfs.Stability;
import org.gfspnfs.nfs41.vfs.Stat;
import org.gfspnfs.nfs41.vfs.WriteResult;
import org.gfspnfs.nfs41.xdr.Write4Args;
import org.gfspnfs.nfs41.xdr.Write4Res;

/**
 * WRITE (RFC 8881 section 18.32): UNSTABLE, DATA_SYNC or FILE_SYNC; the reply carries the server's write verifier,
 * which changes on restart so the client knows to resend uncommitted data.
 */
final class WriteOp implements Operation<Write4Args> {
    private final WritePayload payload = new WritePayload();

    @Override
    public XdrAble execute(CompoundContext ctx, Write4Args args) throws NfsException {
        if (args.stable < 0 || args.stable > 2) {
            throw new InvalException("stable_how " + args.stable);
        }
        if (args.offset < 0) {
            throw new InvalException("offset beyond 2^63");
        }
        ctx.checkWritable();
        Stat st = Files.requireFile(ctx);
        Inode inode = ctx.currentInode();
        IoStateids.check(ctx, args.stateid, true);
        Delegations.recallConflicting(ctx, inode);
        Caller caller = ctx.caller();
        if (caller.uid() != st.uid()) {
            Files.require(ctx, inode, st, Access.MODIFY);
        }
        WriteResult w = ctx.services().vfs().write(inode, args.offset, payload.contiguous(args),
                Stability.values()[args.stable]);
        return new Write4Res(w.count(), w.committed().ordinal(), ctx.services().writeVerifier());
    }
}
