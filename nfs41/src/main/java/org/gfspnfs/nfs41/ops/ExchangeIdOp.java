package org.gfspnfs.nfs41.ops;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.dcache.oncrpc4j.xdr.XdrAble;
import org.gfspnfs.nfs41.compound.CompoundContext;
import org.gfspnfs.nfs41.compound.EngineConfig;
import org.gfspnfs.nfs41.compound.Operation;
import org.gfspnfs.nfs41.session.ClientRegistry;
import org.gfspnfs.nfs41.status.EncrAlgUnsuppException;
import org.gfspnfs.nfs41.status.InvalException;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.xdr.ExchangeId4Args;
import org.gfspnfs.nfs41.xdr.ExchangeId4Res;
import org.gfspnfs.nfs41.xdr.NfsImplId4;
import org.gfspnfs.nfs41.xdr.Nfstime4;
import org.gfspnfs.nfs41.xdr.ServerOwner4;
import org.gfspnfs.nfs41.xdr.StateProtect4A;
import org.gfspnfs.nfs41.xdr.StateProtect4R;

/**
 * EXCHANGE_ID (RFC 8881 section 18.35): registers a client owner and returns its client id, the server's owner and
 * scope, and the pNFS role of this server (USE_NON_PNFS, USE_PNFS_MDS or USE_PNFS_DS).
 */
final class ExchangeIdOp implements Operation<ExchangeId4Args> {
    static final int SUPP_MOVED_REFER = 0x1;
    static final int SUPP_MOVED_MIGR = 0x2;
    static final int BIND_PRINC_STATEID = 0x100;
    static final int MASK_PNFS = 0x70000;
    static final int UPD_CONFIRMED_REC_A = 0x40000000;
    static final int CONFIRMED_R = 0x80000000;
    private static final int CLIENT_FLAGS = SUPP_MOVED_REFER | SUPP_MOVED_MIGR | BIND_PRINC_STATEID | MASK_PNFS
            | UPD_CONFIRMED_REC_A;

    @Override
    public XdrAble execute(CompoundContext ctx, ExchangeId4Args args) throws NfsException {
        if ((args.flags & ~CLIENT_FLAGS) != 0) {
            throw new InvalException("unknown EXCHANGE_ID flags " + Integer.toHexString(args.flags));
        }
        StateProtect4R protect = switch (args.stateProtect.how) {
            case StateProtect4A.SP4_NONE -> new StateProtect4R(StateProtect4A.SP4_NONE);
            // Machine credentials: accepted, with nothing enforced (AUTH_SYS has no stronger credential).
            case StateProtect4A.SP4_MACH_CRED -> new StateProtect4R(StateProtect4A.SP4_MACH_CRED);
            default -> throw new EncrAlgUnsuppException("SP4_SSV not supported");
        };
        boolean update = (args.flags & UPD_CONFIRMED_REC_A) != 0;
        ClientRegistry.Exchange ex = ctx.services().clients().exchangeId(args.clientOwner.ownerId,
                args.clientOwner.verifier, ctx.origin().principal(), args.flags, update);
        ex.client().renew(ctx.services().clock().millis());
        EngineConfig cfg = ctx.services().config();
        ExchangeId4Res res = new ExchangeId4Res();
        res.clientId = ex.client().id();
        res.sequenceId = ex.client().createSessionSeq();
        res.flags = ctx.services().role().exchangeIdFlag() | (ex.confirmed() ? CONFIRMED_R : 0);
        res.stateProtect = protect;
        res.serverOwner = new ServerOwner4(0, cfg.serverOwner().getBytes(StandardCharsets.UTF_8));
        res.serverScope = cfg.serverScope().getBytes(StandardCharsets.UTF_8);
        res.implId = List.of(new NfsImplId4("gfspnfs.org", "gfs-pnfs nfs41", new Nfstime4(0, 0)));
        return res;
    }
}
