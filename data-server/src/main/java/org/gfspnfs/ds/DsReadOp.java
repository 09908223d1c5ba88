package org.gfspnfs.ds;

import org.dcache.oncrpc4j.xdr.XdrAble;
import org.gfspnfs.gfs.InodeId;
import org.gfspnfs.nfs41.compound.CompoundContext;
import org.gfspnfs.nfs41.compound.Operation;
import org.gfspnfs.nfs41.ops.ReplyLimits;
import org.gfspnfs.nfs41.state.StateId;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.vfs.Inode;
import org.gfspnfs.nfs41.vfs.ReadResult;
import org.gfspnfs.nfs41.xdr.Read4Args;
import org.gfspnfs.nfs41.xdr.Read4Res;

/**
 * READ on a data server (RFC 8881 sections 13.6, 18.22): the stateid is the client's MDS open/lock stateid and is
 * checked by the MDS (through the validator), not by this server's own state; unwritten ranges read as zeros.
 * Access was checked by the MDS at OPEN: a valid open stateid with a layout is the permission.
 */
final class DsReadOp implements Operation<Read4Args> {
    private final DsBlockStore store;

    DsReadOp(DsBlockStore store) {
        this.store = store;
    }

    @Override
    public XdrAble execute(CompoundContext ctx, Read4Args args) throws NfsException {
        ctx.exportOptions();
        StateId sid = ctx.resolveStateid(StateId.of(args.stateid.seqid, args.stateid.other));
        ctx.services().stateidValidator().validate(ctx.currentFh().toBytes(), sid, false);
        if (args.offset < 0) {
            return new Read4Res(true, new byte[0]);
        }
        int count = Math.min(Math.max(args.count, 0), ReplyLimits.read(ctx));
        Inode inode = ctx.currentInode();
        ReadResult r = store.read(new InodeId(inode.number(), inode.generation()), args.offset, count);
        if (ctx.cacheThis()) {
            r = r.detached();
        }
        return new Read4Res(r.eof(), r.data(), r.onSent());
    }
}
