package org.gfspnfs.nfs41.ops;

import org.dcache.oncrpc4j.xdr.XdrAble;
import org.gfspnfs.nfs41.compound.CompoundContext;
import org.gfspnfs.nfs41.compound.Operation;
import org.gfspnfs.nfs41.session.Session;
import org.gfspnfs.nfs41.status.InvalException;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.xdr.BindConnToSession4Args;
import org.gfspnfs.nfs41.xdr.BindConnToSession4Res;

/**
 * BIND_CONN_TO_SESSION (RFC 8881 section 18.34): associates this connection with a session's fore channel, back
 * channel, or both. A client whose backchannel connection broke uses it to give us a new one.
 */
final class BindConnToSessionOp implements Operation<BindConnToSession4Args> {
    static final int CDFC4_FORE = 1;
    static final int CDFC4_BACK = 2;
    static final int CDFC4_FORE_OR_BOTH = 3;
    static final int CDFC4_BACK_OR_BOTH = 7;
    static final int CDFS4_FORE = 1;
    static final int CDFS4_BACK = 2;
    static final int CDFS4_BOTH = 3;

    @Override
    public XdrAble execute(CompoundContext ctx, BindConnToSession4Args args) throws NfsException {
        Session s = ctx.services().sessions().get(args.sessionId);
        int dir;
        switch (args.dir) {
            case CDFC4_FORE -> dir = CDFS4_FORE;
            case CDFC4_BACK -> {
                s.bindBack(ctx.origin().transport());
                dir = CDFS4_BACK;
            }
            case CDFC4_FORE_OR_BOTH, CDFC4_BACK_OR_BOTH -> {
                s.bindBack(ctx.origin().transport());
                dir = CDFS4_BOTH;
            }
            default -> throw new InvalException("channel direction " + args.dir);
        }
        s.client().renew(ctx.services().clock().millis());
        return new BindConnToSession4Res(args.sessionId, dir, false);
    }
}
