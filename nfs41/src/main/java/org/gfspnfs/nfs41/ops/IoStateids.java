package org.gfspnfs.nfs41.ops;

import org.gfspnfs.nfs41.compound.CompoundContext;
import org.gfspnfs.nfs41.pnfs.StateidValidator;
import org.gfspnfs.nfs41.state.StateId;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.xdr.Stateid4;

/**
 * The stateid check of READ, WRITE and SETATTR(size): against this server's own state, or, on a data server,
 * through the {@link StateidValidator} (the stateid was issued by the MDS, RFC 8881 section 13.9.1).
 */
final class IoStateids {
    private IoStateids() {
    }

    static void check(CompoundContext ctx, Stateid4 wire, boolean write) throws NfsException {
        StateId sid = ctx.resolveStateid(Stateids.of(wire));
        StateidValidator validator = ctx.services().stateidValidator();
        if (validator != null) {
            validator.validate(ctx.currentFh().toBytes(), sid, write);
            return;
        }
        long client = ctx.session() == null ? 0 : ctx.client().id();
        ctx.services().states().checkIo(client, sid, ctx.currentInode(), write);
    }
}
