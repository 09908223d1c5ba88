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
import org.gfspnfs.nfs41.status.DelayException;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.vfs.Inode;
import org.gfspnfs.nfs41.xdr.CbOp;
import org.gfspnfs.nfs41.xdr.CbRecall4Args;

/**
 * Read delegations and their recall (RFC 8881 sections 10.2 and 10.4): an operation that would change a file
 * delegated to another client sends CB_RECALL and answers NFS4ERR_DELAY until the holder has returned it. A
 * holder that cannot be reached, or that does not return the delegation within a lease, loses it.
 */
final class Delegations {
    /** How long a conflicting operation waits for the recall callbacks to be answered before DELAY. */
    private static final long CALLBACK_GRACE_MILLIS = 200;

    private Delegations() {
    }

    /** Recalls delegations of {@code inode} held by other clients; DELAY while any is outstanding. */
    static void recallConflicting(CompoundContext ctx, Inode inode) throws NfsException {
        ServerServices s = ctx.services();
        long me = ctx.session() == null ? 0 : ctx.client().id();
        List<DelegationState> others = s.states().delegationsOfOthers(me, inode);
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
        if (!s.states().delegationsOfOthers(me, inode).isEmpty()) {
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

    /** A read delegation for the open just made, or null when none is given (see RFC 8881 section 10.4). */
    static DelegationState offerRead(CompoundContext ctx, Inode inode, int access, int deny, int want)
            throws NfsException {
        ServerServices s = ctx.services();
        if (!s.delegations() || access != 1 || deny != 0 || want == OpenOp.WANT_NO_DELEG
                || ctx.session().backConnection() == null) {
            return null;
        }
        return s.states().grantRead(ctx.client().id(), inode, ctx.currentFh().toBytes());
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
