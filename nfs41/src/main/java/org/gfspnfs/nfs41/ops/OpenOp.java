package org.gfspnfs.nfs41.ops;

import org.dcache.oncrpc4j.xdr.XdrAble;
import org.gfspnfs.nfs41.compound.CompoundContext;
import org.gfspnfs.nfs41.compound.Operation;
import org.gfspnfs.nfs41.session.NfsClient;
import org.gfspnfs.nfs41.state.DelegationState;
import org.gfspnfs.nfs41.state.OpenState;
import org.gfspnfs.nfs41.state.OwnerKey;
import org.gfspnfs.nfs41.status.GraceException;
import org.gfspnfs.nfs41.status.InvalException;
import org.gfspnfs.nfs41.status.IsDirException;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.status.NoGraceException;
import org.gfspnfs.nfs41.status.NotSuppException;
import org.gfspnfs.nfs41.status.ReclaimBadException;
import org.gfspnfs.nfs41.status.SymlinkException;
import org.gfspnfs.nfs41.status.WrongTypeException;
import org.gfspnfs.nfs41.vfs.Stat;
import org.gfspnfs.nfs41.xdr.Open4Args;
import org.gfspnfs.nfs41.xdr.Open4Res;

/**
 * OPEN (RFC 8881 section 18.16) for the claims the Linux client uses: CLAIM_NULL (by name, with or without
 * create), CLAIM_FH (the current file), CLAIM_PREVIOUS (reclaim after a server restart, only in grace, with the
 * delegation the client held), CLAIM_DELEGATE_CUR / CLAIM_DELEG_CUR_FH (opens made under a delegation being
 * returned). The file is found or created by {@link OpenTarget}; the share reservation is taken in the state
 * manager; the open may get a read or a write delegation ({@link Delegations}). An open for writing first recalls
 * other clients' delegations, any other open their write delegations.
 */
final class OpenOp implements Operation<Open4Args> {
    static final int SHARE_ACCESS_MASK = 0xff;
    static final int WANT_MASK = 0xff00;

    @Override
    public XdrAble execute(CompoundContext ctx, Open4Args args) throws NfsException {
        NfsClient client = ctx.client();
        checkGrace(ctx, client, args.claimType);
        int access = args.shareAccess & SHARE_ACCESS_MASK;
        if (access < 1 || access > 3 || args.shareDeny < 0 || args.shareDeny > 3) {
            throw new InvalException("share access " + args.shareAccess + " deny " + args.shareDeny);
        }
        if ((access & OpenState.ACCESS_WRITE) != 0 || args.openType == Open4Args.OPEN4_CREATE) {
            ctx.checkWritable();
        }
        OpenTarget.Result target = switch (args.claimType) {
            case Open4Args.CLAIM_NULL -> OpenTarget.byName(ctx, args);
            case Open4Args.CLAIM_FH, Open4Args.CLAIM_PREVIOUS -> OpenTarget.current(ctx, args);
            case Open4Args.CLAIM_DELEGATE_CUR, Open4Args.CLAIM_DELEG_CUR_FH -> OpenTarget.delegated(ctx, args);
            default -> throw new NotSuppException("claim type " + args.claimType);
        };
        checkType(target.stat());
        if (!target.created()) {
            OpenTarget.checkAccess(ctx, target, access);
        }
        if ((access & OpenState.ACCESS_WRITE) != 0 || (args.shareDeny & OpenState.ACCESS_READ) != 0) {
            Delegations.recallConflicting(ctx, target.inode());
        } else {
            Delegations.recallWriteDelegations(ctx, target.inode());
        }
        OwnerKey owner = OwnerKey.of(client.id(), args.owner.owner);
        OpenState open = ctx.services().states().open(owner, target.inode(), access, args.shareDeny);
        if (open.stateId().seqid() == 1) {
            announceOpen(ctx, client, open);
        }
        ctx.setCurrentFh(ctx.handleInCurrentExport(target.inode()));
        ctx.setCurrentStateid(open.stateId());
        ctx.opened(target.inode());
        Open4Res res = new Open4Res();
        res.stateid = Stateids.xdr(open.stateId());
        res.cinfo = Files.changeInfo(target.dirChangeBefore(), target.dirChangeAfter());
        res.rflags = Open4Res.OPEN4_RESULT_LOCKTYPE_POSIX
                | (ctx.services().vfs().preservesUnlinkedOpenFiles() ? Open4Res.OPEN4_RESULT_PRESERVE_UNLINKED : 0);
        res.attrSet = target.attrSet();
        int want = args.shareAccess & WANT_MASK;
        DelegationState deleg = switch (args.claimType) {
            case Open4Args.CLAIM_NULL, Open4Args.CLAIM_FH ->
                    Delegations.offer(ctx, target.inode(), access, args.shareDeny, want);
            case Open4Args.CLAIM_PREVIOUS -> Delegations.reclaim(ctx, target.inode(), args.claimDelegateType);
            default -> null;
        };
        if (deleg != null) {
            res.delegationType = deleg.write() ? Open4Res.OPEN_DELEGATE_WRITE : Open4Res.OPEN_DELEGATE_READ;
            res.delegationStateid = Stateids.xdr(deleg.stateId());
        } else if (want != 0) {
            res.delegationType = Open4Res.OPEN_DELEGATE_NONE_EXT;
            res.whyNoDelegation = want == Delegations.WANT_NO_DELEG ? Open4Res.WND4_NOT_WANTED
                    : Open4Res.WND4_RESOURCE;
        }
        return res;
    }

    /** Tells the filesystem about a new open; if it refuses, the open is undone and the OPEN fails. */
    private static void announceOpen(CompoundContext ctx, NfsClient client, OpenState open) throws NfsException {
        try {
            ctx.services().vfs().opened(open.inode());
        } catch (NfsException e) {
            ctx.services().states().abandon(client.id(), open.stateId());
            throw e;
        }
    }

    private static void checkGrace(CompoundContext ctx, NfsClient client, int claim) throws NfsException {
        boolean inGrace = ctx.services().grace().active();
        if (claim == Open4Args.CLAIM_PREVIOUS) {
            if (!inGrace || client.reclaimComplete()) {
                throw new NoGraceException("not in grace");
            }
            if (!ctx.services().grace().mayReclaim(client.ownerKey())) {
                throw new ReclaimBadException("client held no state before the restart");
            }
        } else if (inGrace) {
            throw new GraceException("server in grace period");
        } else if (!client.reclaimComplete()) {
            // RFC 8881 18.51.3: no new locking state before the client has finished reclaiming.
            throw new GraceException("RECLAIM_COMPLETE not sent yet");
        }
    }

    private static void checkType(Stat st) throws NfsException {
        switch (st.type()) {
            case REGULAR:
                return;
            case DIRECTORY:
                throw new IsDirException();
            case SYMLINK:
                throw new SymlinkException();
            default:
                throw new WrongTypeException("cannot open a " + st.type());
        }
    }
}
