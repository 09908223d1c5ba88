package org.gfspnfs.nfs41.compound;

import java.util.Set;

import org.dcache.oncrpc4j.xdr.XdrAble;
import org.gfspnfs.nfs41.session.Session;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.status.NfsStat;
import org.gfspnfs.nfs41.status.NotOnlyOpException;
import org.gfspnfs.nfs41.status.NotSuppException;
import org.gfspnfs.nfs41.status.OpNotInSessionException;
import org.gfspnfs.nfs41.status.SequencePosException;
import org.gfspnfs.nfs41.xdr.ArgOp4;
import org.gfspnfs.nfs41.xdr.CompoundArgs4;
import org.gfspnfs.nfs41.xdr.CompoundRes4;
import org.gfspnfs.nfs41.xdr.Op;
import org.gfspnfs.nfs41.xdr.ResOp4;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a COMPOUND (RFC 8881 section 16.2.3): checks minor version and operation order, runs operations in turn
 * until one fails, and is the ONE place where an {@link NfsException} (or an unexpected runtime failure) becomes a
 * result status. It also completes the SEQUENCE slot: the reply is stored in the reply cache and the slot freed
 * whatever happened, so a request that fails or whose client vanished leaves nothing behind.
 */
public final class CompoundExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(CompoundExecutor.class);

    /** Operations that may start a compound without SEQUENCE, and must then be alone (RFC 8881 18.46.3). */
    private static final Set<Integer> SESSIONLESS = Set.of(Op.EXCHANGE_ID, Op.CREATE_SESSION,
            Op.DESTROY_SESSION, Op.BIND_CONN_TO_SESSION, Op.DESTROY_CLIENTID);

    private final ServerServices services;
    private final OperationTable operations;

    public CompoundExecutor(ServerServices services, OperationTable operations) {
        this.services = services;
        this.operations = operations;
    }

    /**
     * Whether every operation of the compound is brief ({@link OperationTable.Builder#addBrief}), so that it may run
     * on the thread that read it. A compound whose decoding stopped early is brief up to where it stopped.
     */
    public boolean brief(CompoundArgs4 args) {
        for (ArgOp4 op : args.ops) {
            if (!operations.brief(op.opnum)) {
                return false;
            }
        }
        return true;
    }

    public CompoundRes4 execute(CompoundArgs4 args, RpcOrigin origin) {
        return execute(args, origin, 0);
    }

    /** Runs a compound whose RPC request was {@code requestSize} bytes long (0 if unknown). */
    public CompoundRes4 execute(CompoundArgs4 args, RpcOrigin origin, int requestSize) {
        CompoundRes4 res = new CompoundRes4();
        res.tag = args.tag;
        if (args.minorVersion != 1) {
            res.status = NfsStat.NFS4ERR_MINOR_VERS_MISMATCH;
            return res;
        }
        boolean decodeFailed = args.decodeStatus != NfsStat.NFS4_OK;
        CompoundContext ctx = new CompoundContext(services, origin, args.ops.size() + (decodeFailed ? 1 : 0));
        ctx.setRequestSize(requestSize);
        ReplySize size = new ReplySize(res.tag.length);
        ctx.setReply(size);
        int status = NfsStat.NFS4_OK;
        try {
            for (int i = 0; i < args.ops.size(); i++) {
                ctx.setOpIndex(i);
                ResOp4 r = runOne(ctx, args.ops.get(i));
                if (ctx.replay() != null) {
                    r.abandon();
                    return (CompoundRes4) ctx.replay();
                }
                ResOp4 admitted = size.admit(ctx, r);
                if (admitted != r) {
                    r.abandon();
                    r = admitted;
                }
                res.results.add(r);
                status = r.status;
                if (status != NfsStat.NFS4_OK) {
                    break;
                }
            }
            if (status == NfsStat.NFS4_OK && decodeFailed) {
                status = args.decodeStatus;
                if (args.ops.isEmpty() && status != NfsStat.NFS4ERR_OP_ILLEGAL && status != NfsStat.NFS4ERR_BADXDR) {
                    status = NfsStat.NFS4ERR_BADXDR;
                }
                res.results.add(new ResOp4(args.decodeFailedOpnum, status, null));
            }
            res.status = status;
            return res;
        } finally {
            complete(ctx, res);
        }
    }

    private ResOp4 runOne(CompoundContext ctx, ArgOp4 op) {
        try {
            checkPosition(ctx, op.opnum);
            OperationTable.Entry<?> entry = operations.get(op.opnum);
            if (entry == null) {
                throw new NotSuppException("operation " + op.opnum + " not supported");
            }
            XdrAble body = entry.run(ctx, op.args);
            return new ResOp4(op.opnum, NfsStat.NFS4_OK, body);
        } catch (NfsException e) {
            log(op.opnum, e);
            return new ResOp4(op.opnum, e.status(), e.resultBody());
        } catch (RuntimeException e) {
            LOG.error("operation {} failed unexpectedly", op.opnum, e);
            return new ResOp4(op.opnum, NfsStat.NFS4ERR_SERVERFAULT, null);
        }
    }

    /** RFC 8881 section 2.10.6.1.1 and 18.46.3: where SEQUENCE and the session-less operations may appear. */
    private static void checkPosition(CompoundContext ctx, int opnum) throws NfsException {
        int i = ctx.opIndex();
        if (opnum == Op.SEQUENCE) {
            if (i != 0) {
                throw new SequencePosException("SEQUENCE at position " + i);
            }
            return;
        }
        if (i == 0) {
            if (!SESSIONLESS.contains(opnum)) {
                throw new OpNotInSessionException("first operation " + opnum + " is not SEQUENCE");
            }
            if (ctx.opCount() > 1) {
                throw new NotOnlyOpException("operation " + opnum + " must be alone");
            }
        }
    }

    private static void log(int opnum, NfsException e) {
        switch (e.kind()) {
            case SERVER -> LOG.error("op {}: {} {}", opnum, NfsStat.name(e.status()), e.getMessage(), e);
            case LOST_STATE -> LOG.info("op {}: {} {}", opnum, NfsStat.name(e.status()), e.getMessage());
            case CLIENT -> LOG.debug("op {}: {} {}", opnum, NfsStat.name(e.status()), e.getMessage());
        }
    }

    private static void complete(CompoundContext ctx, CompoundRes4 res) {
        Session s = ctx.session();
        if (s == null || ctx.replay() != null) {
            return;
        }
        s.slots().finish(ctx.slotId(), res, ctx.cacheThis());
        s.client().leave();
    }
}
