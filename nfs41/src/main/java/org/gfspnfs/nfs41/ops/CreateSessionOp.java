package org.gfspnfs.nfs41.ops;

import org.dcache.oncrpc4j.xdr.XdrAble;
import org.gfspnfs.nfs41.compound.CompoundContext;
import org.gfspnfs.nfs41.compound.EngineConfig;
import org.gfspnfs.nfs41.compound.Operation;
import org.gfspnfs.nfs41.session.CallbackCredential;
import org.gfspnfs.nfs41.session.ChannelLimits;
import org.gfspnfs.nfs41.session.ClientState;
import org.gfspnfs.nfs41.session.NfsClient;
import org.gfspnfs.nfs41.session.Session;
import org.gfspnfs.nfs41.status.InvalException;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.status.SeqMisorderedException;
import org.gfspnfs.nfs41.status.TooSmallException;
import org.gfspnfs.nfs41.xdr.CallbackSecParms4;
import org.gfspnfs.nfs41.xdr.ChannelAttrs4;
import org.gfspnfs.nfs41.xdr.CreateSession4Args;
import org.gfspnfs.nfs41.xdr.CreateSession4Res;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CREATE_SESSION (RFC 8881 section 18.36): confirms the client on its first session, negotiates fore and back
 * channel attributes, records the callback program and credential, and binds the connection as the backchannel
 * when the client asks (CONN_BACK_CHAN). Replays of the last CREATE_SESSION get the cached reply.
 */
final class CreateSessionOp implements Operation<CreateSession4Args> {
    private static final Logger LOG = LoggerFactory.getLogger(CreateSessionOp.class);
    static final int FLAG_PERSIST = 0x1;
    static final int FLAG_CONN_BACK_CHAN = 0x2;
    static final int FLAG_CONN_RDMA = 0x4;
    /** Smallest request/response a channel can work with (a SEQUENCE or CB_SEQUENCE plus a small operation). */
    private static final int MIN_MESSAGE = 256;

    @Override
    public XdrAble execute(CompoundContext ctx, CreateSession4Args args) throws NfsException {
        if ((args.flags & ~(FLAG_PERSIST | FLAG_CONN_BACK_CHAN | FLAG_CONN_RDMA)) != 0) {
            throw new InvalException("unknown CREATE_SESSION flags " + Integer.toHexString(args.flags));
        }
        NfsClient client = ctx.services().clients().get(args.clientId);
        synchronized (client.createSessionLock()) {
            int expected = client.createSessionSeq();
            if (args.sequence == expected - 1 && client.createSessionReply() != null) {
                return (CreateSession4Res) client.createSessionReply();
            }
            if (args.sequence != expected) {
                throw new SeqMisorderedException("CREATE_SESSION seq " + args.sequence + " expected " + expected);
            }
            boolean first = client.state() == ClientState.UNCONFIRMED;
            ctx.services().clients().confirm(client, ctx.origin().principal());
            if (first) {
                ctx.services().recovery().add(client.ownerKey());
            }
            CreateSession4Res res = createSession(ctx, client, args);
            client.createSessionDone(args.sequence, res);
            client.renew(ctx.services().clock().millis());
            return res;
        }
    }

    private static CreateSession4Res createSession(CompoundContext ctx, NfsClient client, CreateSession4Args args)
            throws NfsException {
        EngineConfig cfg = ctx.services().config();
        ChannelLimits requested = limits(args.foreAttrs);
        if (requested.maxRequestSize() < MIN_MESSAGE || requested.maxResponseSize() < MIN_MESSAGE) {
            throw new TooSmallException("fore channel messages too small");
        }
        ChannelLimits fore = new ChannelLimits(0, cfg.maxMessage(), cfg.maxMessage(), cfg.maxMessage(),
                cfg.maxOps(), cfg.slots()).negotiate(requested);
        ChannelLimits backAsked = limits(args.backAttrs);
        if (backAsked.maxRequestSize() < MIN_MESSAGE || backAsked.maxResponseSize() < MIN_MESSAGE) {
            throw new TooSmallException("back channel messages too small");
        }
        ChannelLimits back = new ChannelLimits(0, backAsked.maxRequestSize(), backAsked.maxResponseSize(),
                backAsked.maxResponseSizeCached(), backAsked.maxOperations(), 1);
        Session s = ctx.services().sessions().create(client, fore, back, args.cbProgram, credential(args));
        int flags = 0;
        if ((args.flags & FLAG_CONN_BACK_CHAN) != 0) {
            s.bindBack(ctx.origin().transport());
            flags |= FLAG_CONN_BACK_CHAN;
        }
        LOG.info("session for {}: fore {} (asked {}), back {}, flags {}", client, fore, requested, back, flags);
        return new CreateSession4Res(s.id(), args.sequence, flags, attrs(fore), attrs(back));
    }

    private static CallbackCredential credential(CreateSession4Args args) {
        for (CallbackSecParms4 p : args.secParms) {
            if (p.flavor == CallbackSecParms4.AUTH_SYS) {
                return new CallbackCredential(1, p.authSys.uid, p.authSys.gid, p.authSys.gids,
                        p.authSys.machineName);
            }
            if (p.flavor == CallbackSecParms4.AUTH_NONE) {
                return CallbackCredential.NONE;
            }
        }
        return CallbackCredential.NONE;
    }

    static ChannelLimits limits(ChannelAttrs4 a) {
        return new ChannelLimits(a.headerPadSize, a.maxRequestSize, a.maxResponseSize, a.maxResponseSizeCached,
                a.maxOperations, a.maxRequests);
    }

    static ChannelAttrs4 attrs(ChannelLimits l) {
        return new ChannelAttrs4(l.headerPadSize(), l.maxRequestSize(), l.maxResponseSize(),
                l.maxResponseSizeCached(), l.maxOperations(), l.maxRequests(), new int[0]);
    }
}
