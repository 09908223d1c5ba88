package org.gfspnfs.nfs41.ops;

import org.dcache.oncrpc4j.xdr.XdrAble;
import org.gfspnfs.nfs41.compound.CompoundContext;
import org.gfspnfs.nfs41.compound.Operation;
import org.gfspnfs.nfs41.session.NfsClient;
import org.gfspnfs.nfs41.status.CompleteAlreadyException;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.xdr.Bool4;

/**
 * RECLAIM_COMPLETE (RFC 8881 section 18.51): the client has reclaimed all it will. Once every client of the
 * previous server instance has said so, the grace period ends early. The per-filesystem form (rca_one_fs) is
 * accepted and changes nothing: we serve one filesystem.
 */
final class ReclaimCompleteOp implements Operation<Bool4> {
    @Override
    public XdrAble execute(CompoundContext ctx, Bool4 args) throws NfsException {
        if (args.value) {
            return null;
        }
        NfsClient c = ctx.client();
        if (c.reclaimComplete()) {
            throw new CompleteAlreadyException();
        }
        c.markReclaimComplete();
        ctx.services().grace().reclaimComplete(c.ownerKey());
        return null;
    }
}
