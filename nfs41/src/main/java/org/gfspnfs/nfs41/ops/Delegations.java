package org.gfspnfs.nfs41.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.gfspnfs.nfs41.compound.CompoundContext;
import org.gfspnfs.nfs41.compound.ServerServices;
import org.gfspnfs.nfs41.session.NfsClient;
import org.gfspnfs.nfs41.state.DelegationState;
import org.gfspnfs.nfs41.state.OpenState;
import org.gfspnfs.nfs41.status.DelayException;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.vfs.Inode;
import org.gfspnfs.nfs41.xdr.CbOp;
import org.gfspnfs.nfs41.xdr.CbRecall4Args;
import org.gfspnfs.nfs41.xdr.Open4Res;

/**
 * Delegations and their recall (RFC 8881 sections 10.2 and 10.4): an operation that conflicts with a delegation
 * another client holds sends CB_RECALL and answers NFS4ERR_DELAY until the holder has returned it. Changing a file
 * conflicts with any delegation of it; reading or opening it only with a write delegation. A holder that cannot be
 * reached, or that does not return the delegation within a lease, loses it.
 *
 * <p>Which open gets which delegation: a read-only open without deny gets a read delegation; an open for reading
 * and writing (or one for writing that asks for a write delegation) gets a write delegation when no other client
 * has the file open or delegated, as Linux nfsd does: a write-only open would leave the client unable to read the
 * pages it fills in part. The write delegation's space limit is 0 bytes: the server promises no space ahead, so
 * the holder still flushes its writes when it closes the file (the Linux client does whenever the limit is below
 * what it has cached), and another client sees them as it would without the delegation.
 */
final class Delegations {
    /** How long a conflicting operation waits for the recall callbacks to be answered before DELAY. */
    private static final long CALLBACK_GRACE_MILLIS = 200;
    static final int WANT_READ_DELEG = 0x0100;
    static final int WANT_WRITE_DELEG = 0x0200;
    static final int WANT_ANY_DELEG = 0x0300;
    static final int WANT_NO_DELEG = 0x0400;
    static final int WANT_CANCEL = 0x0500;

    private Delegations() {
    }

    /** Recalls every delegation of {@code inode} held by other clients (before a change); DELAY while any is out. */
    static void recallConflicting(CompoundContext ctx, Inode inode) throws NfsException {
        recall(ctx, inode, false);
    }

    /** Recalls other clients' write delegations of {@code inode} (before a read or an open); DELAY while any is out. */
    static void recallWriteDelegations(CompoundContext ctx, Inode inode) throws NfsException {
        recall(ctx, inode, true);
    }

    private static void recall(CompoundContext ctx, Inode inode, boolean writeOnly) throws NfsException {
        ServerServices s = ctx.services();
        long me = ctx.session() == null ? 0 : ctx.client().id();
        List<DelegationState> others = s.states().delegationsOfOthers(me, inode, writeOnly);
        if (others.isEmpty()) {
            return;
        }
        long now = s.clock().millis();
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (DelegationState d : others) {
            if (s.states().recallOverdue(d, now, s.config().lease().toMillis())) {
                s.states().revoke(d);
            } else if (s.states().markRecalled(d, now)) {
                sent.add(sendRecall(s, d));
            }
        }
        awaitBriefly(sent);
        if (!s.states().delegationsOfOthers(me, inode, writeOnly).isEmpty()) {
            throw new DelayException("delegation recall in progress");
        }
    }

    /**
     * Gives the callbacks a moment: a holder that cannot take callbacks at all answers at once, its delegation
     * is revoked, and the conflicting operation proceeds without a DELAY round trip.
     */
    private static void awaitBriefly(List<CompletableFuture<?>> sent) {
        if (sent.isEmpty()) {
            return;
        }
        try {
            CompletableFuture.allOf(sent.toArray(new CompletableFuture<?>[0])).get(CALLBACK_GRACE_MILLIS,
                    TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Failed callbacks were handled by revoking; slow ones leave the client to retry after DELAY.
        }
    }

    /**
     * The delegation for the open just made (read or write; see the class comment), or null when none is given.
     * {@code want} is the OPEN's OPEN4_SHARE_ACCESS_WANT_* value.
     */
    static DelegationState offer(CompoundContext ctx, Inode inode, int access, int deny, int want)
            throws NfsException {
        ServerServices s = ctx.services();
        if (!s.delegations() || deny != 0 || want == WANT_NO_DELEG || want == WANT_CANCEL
                || ctx.session().backConnection() == null) {
            return null;
        }
        if ((access & OpenState.ACCESS_WRITE) == 0) {
            return want == WANT_WRITE_DELEG ? null
                    : s.states().grantRead(ctx.client().id(), inode, ctx.currentFh().toBytes());
        }
        boolean wantsWrite = want == WANT_WRITE_DELEG || want == WANT_ANY_DELEG;
        if (want == WANT_READ_DELEG || (access != OpenState.ACCESS_BOTH && !wantsWrite)) {
            return null;
        }
        return s.states().grantWrite(ctx.client().id(), inode, ctx.currentFh().toBytes());
    }

    /**
     * The delegation a client held before the server restarted, given back with the CLAIM_PREVIOUS open that
     * reclaims it (RFC 8881 sections 10.2.1 and 18.16.3; {@code delegateType} is the reclaim's delegate_type), so
     * the client keeps the cache it built under it. None when the client held none, when delegations are off, when
     * the session has no back channel to recall it through, or when what other clients reclaimed first conflicts.
     */
    static DelegationState reclaim(CompoundContext ctx, Inode inode, int delegateType) throws NfsException {
        ServerServices s = ctx.services();
        boolean write = delegateType == Open4Res.OPEN_DELEGATE_WRITE;
        if (!s.delegations() || ctx.session().backConnection() == null
                || (!write && delegateType != Open4Res.OPEN_DELEGATE_READ)) {
            return null;
        }
        byte[] fh = ctx.currentFh().toBytes();
        return write ? s.states().grantWrite(ctx.client().id(), inode, fh)
                : s.states().grantRead(ctx.client().id(), inode, fh);
    }

    private static CompletableFuture<?> sendRecall(ServerServices s, DelegationState d) {
        NfsClient holder;
        try {
            holder = s.clients().get(d.clientId());
        } catch (NfsException gone) {
            s.states().revoke(d);
            return CompletableFuture.completedFuture(null);
        }
        CbRecall4Args args = new CbRecall4Args(Stateids.xdr(d.stateId()), false, d.fileHandle());
        return s.callbacks().send(holder, CbOp.CB_RECALL, args).whenComplete((res, failure) -> {
            if (failure != null) {
                // The holder cannot be told; it would never return the delegation.
                s.states().revoke(d);
            }
        });
    }
}
