package org.gfspnfs.ds;

import org.dcache.oncrpc4j.xdr.XdrAble;
import org.gfspnfs.gfs.InodeId;
import org.gfspnfs.nfs41.compound.CompoundContext;
import org.gfspnfs.nfs41.compound.Operation;
import org.gfspnfs.nfs41.ops.WritePayload;
import org.gfspnfs.nfs41.state.StateId;
import org.gfspnfs.nfs41.status.InvalException;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.vfs.Inode;
import org.gfspnfs.nfs41.vfs.Stability;
import org.gfspnfs.nfs41.xdr.Write4Args;
import org.gfspnfs.nfs41.xdr.Write4Res;

/**
 * WRITE on a data server (RFC 8881 sections 13.6, 18.32) into the blocks the MDS allocated. An UNSTABLE write is
 * durable at COMMIT (commit goes to the data servers: NFL4_UFLG_COMMIT_THRU_MDS is off); DATA_SYNC and FILE_SYNC
 * are flushed before the reply and answered DATA_SYNC, since size and mtime only reach the MDS at LAYOUTCOMMIT.
 */
final class DsWriteOp implements Operation<Write4Args> {
    private final DsBlockStore store;
    private final WritePayload payload = new WritePayload();

    DsWriteOp(DsBlockStore store) {
        this.store = store;
    }

    @Override
    public XdrAble execute(CompoundContext ctx, Write4Args args) throws NfsException {
        if (args.stable < 0 || args.stable > 2) {
            throw new InvalException("stable_how " + args.stable);
        }
        if (args.offset < 0) {
            throw new InvalException("offset beyond 2^63");
        }
        ctx.checkWritable();
        StateId sid = ctx.resolveStateid(StateId.of(args.stateid.seqid, args.stateid.other));
        ctx.services().stateidValidator().validate(ctx.currentFh().toBytes(), sid, true);
        Inode inode = ctx.currentInode();
        int length = args.length();
        store.write(new InodeId(inode.number(), inode.generation()), args.offset, payload.contiguous(args));
        Stability done = Stability.UNSTABLE;
        if (args.stable != Stability.UNSTABLE.ordinal()) {
            store.commit();
            done = Stability.DATA_SYNC;
        }
        return new Write4Res(length, done.ordinal(), ctx.services().writeVerifier());
    }
}
