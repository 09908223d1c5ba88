package org.gfspnfs.nfs41.ops;

import org.dcache.oncrpc4j.xdr.XdrAble;
import org.gfspnfs.nfs41.compound.CompoundContext;
import org.gfspnfs.nfs41.compound.Operation;
import org.gfspnfs.nfs41.session.ClientState;
import org.gfspnfs.nfs41.session.Session;
import org.gfspnfs.nfs41.session.SlotTable;
import org.gfspnfs.nfs41.status.BadSessionException;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.status.ReqTooBigException;
import org.gfspnfs.nfs41.status.TooManyOpsException;
import org.gfspnfs.nfs41.xdr.Sequence4Args;
import org.gfspnfs.nfs41.xdr.Sequence4Res;

/**
 * SEQUENCE (RFC 8881 section 18.46): admits the request on a session slot (exactly-once semantics through the
 * reply cache), renews the client's lease, binds the connection to the fore channel, and reports backchannel
 * trouble in the status flags.
 */
final class SequenceOp implements Operation<Sequence4Args> {
    static final int SEQ4_STATUS_CB_PATH_DOWN = 0x1;
    static final int SEQ4_STATUS_RECALLABLE_STATE_REVOKED = 0x40;
    static final int SEQ4_STATUS_CB_PATH_DOWN_SESSION = 0x200;

    @Override
    public XdrAble execute(CompoundContext ctx, Sequence4Args args) throws NfsException {
        Session s = ctx.services().sessions().get(args.sessionId);
        if (s.client().state() != ClientState.CONFIRMED) {
            throw new BadSessionException("client of the session is gone");
        }
        if (ctx.opCount() > s.fore().maxOperations()) {
            throw new TooManyOpsException(ctx.opCount() + " > " + s.fore().maxOperations());
        }
        if (ctx.requestSize() > s.fore().maxRequestSize()) {
            throw new ReqTooBigException(ctx.requestSize() + " > " + s.fore().maxRequestSize());
        }
        SlotTable.Admission admission = s.slots().begin(args.slotId, args.sequenceId);
        if (admission.replay()) {
            ctx.replayWith(admission.cachedReply());
            return null;
        }
        s.client().enter();
        ctx.bindSession(s, args.slotId, args.cacheThis);
        s.client().renew(ctx.services().clock().millis());
        int flags = 0;
        if (s.cbProgram() != 0 && s.backConnection() == null && s.everHadBackchannel()) {
            flags |= SEQ4_STATUS_CB_PATH_DOWN | SEQ4_STATUS_CB_PATH_DOWN_SESSION;
        }
        if (ctx.services().states().hasRevoked(s.client().id())) {
            flags |= SEQ4_STATUS_RECALLABLE_STATE_REVOKED;
        }
        int highest = s.slots().highestSlot();
        return new Sequence4Res(args.sessionId, args.sequenceId, args.slotId, highest, highest, flags);
    }
}
