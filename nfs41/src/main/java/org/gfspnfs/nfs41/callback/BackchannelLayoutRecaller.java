package org.gfspnfs.nfs41.callback;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.gfspnfs.nfs41.compound.ServerServices;
import org.gfspnfs.nfs41.pnfs.DeviceId;
import org.gfspnfs.nfs41.pnfs.LayoutIoMode;
import org.gfspnfs.nfs41.pnfs.LayoutRecaller;
import org.gfspnfs.nfs41.pnfs.LayoutState;
import org.gfspnfs.nfs41.pnfs.LayoutStateTable;
import org.gfspnfs.nfs41.session.NfsClient;
import org.gfspnfs.nfs41.state.StateId;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.status.NfsStat;
import org.gfspnfs.nfs41.vfs.Inode;
import org.gfspnfs.nfs41.xdr.CbCompoundRes4;
import org.gfspnfs.nfs41.xdr.CbLayoutRecall4Args;
import org.gfspnfs.nfs41.xdr.CbNotifyDeviceId4Args;
import org.gfspnfs.nfs41.xdr.CbOp;
import org.gfspnfs.nfs41.xdr.NotifyDeviceId4;
import org.gfspnfs.nfs41.xdr.Stateid4;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's {@link LayoutRecaller}: CB_LAYOUTRECALL (RFC 8881 section 20.3) carrying the layout stateid with
 * its seqid advanced once per recall (section 12.5.3), and CB_NOTIFY_DEVICEID (section 20.12), over the client's
 * backchannel. A client that answers NFS4ERR_NOMATCHING_LAYOUT holds nothing of the file: its layout state is
 * dropped, which counts as returned.
 *
 * <p>A client answers NFS4ERR_DELAY when it cannot act on the recall yet (Linux: a LAYOUTRETURN of its own is in
 * flight, or it has not yet seen the LAYOUTGET reply whose seqid precedes the recall's). The recall is then sent
 * again, unchanged, with a growing pause, for as long as the layout is still being recalled; a client that never
 * gets to it loses the layout to the provider's recall timer. A second recall of a layout already being recalled
 * sends nothing: advancing the seqid again would put the client one seqid behind for good.
 */
public final class BackchannelLayoutRecaller implements LayoutRecaller {
    private static final Logger LOG = LoggerFactory.getLogger(BackchannelLayoutRecaller.class);
    /** First pause before a recall the client answered NFS4ERR_DELAY is sent again; doubles up to the maximum. */
    static final Duration FIRST_RETRY = Duration.ofMillis(20);
    static final Duration MAX_RETRY = Duration.ofSeconds(1);

    private final ServerServices services;
    private final LayoutStateTable table;
    private final ScheduledExecutorService scheduler;

    /** {@code scheduler}: where recalls answered NFS4ERR_DELAY wait before they are sent again. */
    public BackchannelLayoutRecaller(ServerServices services, LayoutStateTable table,
                                     ScheduledExecutorService scheduler) {
        this.services = services;
        this.table = table;
        this.scheduler = scheduler;
    }

    @Override
    public CompletionStage<Void> recallFile(long clientId, Inode inode, LayoutIoMode ioMode, long offset,
                                            long length) {
        var holding = table.beginRecall(clientId, inode);
        if (holding.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        StateId recalled = holding.get().stateid();
        CbLayoutRecall4Args args = new CbLayoutRecall4Args();
        args.layoutType = holding.get().layoutType();
        args.ioMode = ioMode.wire();
        args.changed = true;
        args.recallType = CbLayoutRecall4Args.RECALL_FILE;
        args.fh = holding.get().fileHandle();
        args.offset = offset;
        args.length = length;
        args.stateid = new Stateid4(recalled.seqid(), recalled.other());
        BooleanSupplier stillRecalling = () -> table.holding(clientId, inode)
                .filter(h -> h.state() == LayoutState.RECALLING && h.stateid().equals(recalled)).isPresent();
        return sendUntilAnswered(clientId, CbOp.CB_LAYOUTRECALL, args, stillRecalling, FIRST_RETRY)
                .exceptionallyCompose(e -> {
                    if (status(e) == NfsStat.NFS4ERR_NOMATCHING_LAYOUT) {
                        table.forget(clientId, inode);
                        return CompletableFuture.completedFuture(null);
                    }
                    // The layout stays RECALLING: the provider's recall timer revokes it.
                    LOG.info("CB_LAYOUTRECALL of {} (stateid seqid {}) to client {} failed: {}", inode,
                            recalled.seqid(), Long.toHexString(clientId), describe(e));
                    return CompletableFuture.failedFuture(e);
                });
    }

    @Override
    public CompletionStage<Void> recallAll(long clientId, int layoutType) {
        for (LayoutStateTable.Holding h : table.all()) {
            if (h.clientId() == clientId) {
                table.beginRecall(clientId, h.inode());
            }
        }
        CbLayoutRecall4Args args = new CbLayoutRecall4Args();
        args.layoutType = layoutType;
        args.ioMode = LayoutIoMode.ANY.wire();
        args.changed = true;
        args.recallType = CbLayoutRecall4Args.RECALL_ALL;
        BooleanSupplier stillHolding = () -> table.all().stream()
                .anyMatch(h -> h.clientId() == clientId && h.state() == LayoutState.RECALLING);
        return sendUntilAnswered(clientId, CbOp.CB_LAYOUTRECALL, args, stillHolding, FIRST_RETRY);
    }

    @Override
    public CompletionStage<Void> notifyDeviceChange(long clientId, int layoutType, DeviceId id, boolean deleted) {
        NotifyDeviceId4 change = new NotifyDeviceId4(deleted ? NotifyDeviceId4.DELETE : NotifyDeviceId4.CHANGE,
                layoutType, id.toBytes(), false);
        return send(clientId, CbOp.CB_NOTIFY_DEVICEID, new CbNotifyDeviceId4Args(List.of(change.notify4())));
    }

    /**
     * Sends, and on NFS4ERR_DELAY sends the same call again after {@code pause} (doubling up to {@link #MAX_RETRY})
     * while {@code stillWanted} holds; once it no longer does, the recall has been settled otherwise (returned,
     * revoked, the client gone) and the future completes normally.
     */
    private CompletableFuture<Void> sendUntilAnswered(long clientId, int opnum, org.dcache.oncrpc4j.xdr.XdrAble args,
                                                      BooleanSupplier stillWanted, Duration pause) {
        return send(clientId, opnum, args).exceptionallyCompose(e -> {
            if (status(e) != NfsStat.NFS4ERR_DELAY) {
                return CompletableFuture.failedFuture(e);
            }
            LOG.debug("client {} answered NFS4ERR_DELAY to callback op {}; again in {} ms",
                    Long.toHexString(clientId), opnum, pause.toMillis());
            CompletableFuture<Void> again = new CompletableFuture<>();
            Duration next = pause.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : pause.multipliedBy(2);
            try {
                scheduler.schedule(() -> {
                    if (!stillWanted.getAsBoolean()) {
                        again.complete(null);
                        return;
                    }
                    sendUntilAnswered(clientId, opnum, args, stillWanted, next).whenComplete((x, err) -> {
                        if (err != null) {
                            again.completeExceptionally(err);
                        } else {
                            again.complete(null);
                        }
                    });
                }, pause.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                again.completeExceptionally(e);
            }
            return again;
        });
    }

    private CompletableFuture<Void> send(long clientId, int opnum, org.dcache.oncrpc4j.xdr.XdrAble args) {
        NfsClient client;
        try {
            client = services.clients().get(clientId);
        } catch (NfsException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<CbCompoundRes4> f = services.callbacks().send(client, opnum, args);
        return f.thenApply(r -> null);
    }

    private static String describe(Throwable e) {
        Throwable t = unwrap(e);
        int status = status(t);
        return status >= 0 ? "status " + status + " (" + t.getMessage() + ")" : t.toString();
    }

    private static int status(Throwable e) {
        return unwrap(e) instanceof CallbackFailedException c ? c.status() : -1;
    }

    /** The failure a CompletionException of a dependent stage carries. */
    private static Throwable unwrap(Throwable e) {
        return e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
    }
}
