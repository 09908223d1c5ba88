package org.gfspnfs.nfs41.ops;

import org.dcache.oncrpc4j.xdr.XdrAble;
import org.gfspnfs.nfs41.compound.CompoundContext;
import org.gfspnfs.nfs41.compound.Operation;
import org.gfspnfs.nfs41.session.Session;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.xdr.SessionId4;

/** DESTROY_SESSION (RFC 8881 section 18.37): ends a session and its reply cache; the client's state stays. */
final class DestroySessionOp implements Operation<SessionId4> {
    @Override
    public XdrAble execute(CompoundContext ctx, SessionId4 args) throws NfsException {
        Session s = ctx.services().sessions().get(args.value);
        ctx.services().sessions().destroy(s);
        ctx.services().callbacks().sessionGone(s);
        return null;
    }
}
