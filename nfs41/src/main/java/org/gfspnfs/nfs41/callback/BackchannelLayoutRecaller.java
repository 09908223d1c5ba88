package org.gfspnfs.nfs41.callback;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.gfspnfs.nfs41.compound.ServerServices;
import org.gfspnfs.nfs41.pnfs.DeviceId;
import org.gfspnfs.nfs41.pnfs.LayoutIoMode;
import org.gfspnfs.nfs41.pnfs.LayoutRecaller;
import org.gfspnfs.nfs41.pnfs.LayoutStateTable;
import org.gfspnfs.nfs41.session.NfsClient;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.status.NfsStat;
import org.gfspnfs.nfs41.vfs.Inode;
import org.gfspnfs.nfs41.xdr.CbCompoundRes4;
import org.gfspnfs.nfs41.xdr.CbLayoutRecall4Args;
import org.gfspnfs.nfs41.xdr.CbNotifyDeviceId4Args;
import org.gfspnfs.nfs41.xdr.CbOp;
import org.gfspnfs.nfs41.xdr.NotifyDeviceId4;
import org.gfspnfs.nfs41.xdr.Stateid4;

/**
 * The engine's {@link LayoutRecaller}: CB_LAYOUTRECALL (RFC 8881 section 20.3) carrying the layout stateid with
 * its seqid advanced (section 12.5.3), and CB_NOTIFY_DEVICEID (section 20.12), over the client's backchannel. A
 * client that answers NFS4ERR_NOMATCHING_LAYOUT holds nothing of the file: its layout state is dropped, which
 * counts as returned.
 */
public final class BackchannelLayoutRecaller implements LayoutRecaller {
    private final ServerServices services;
    private final LayoutStateTable table;

    public BackchannelLayoutRecaller(ServerServices services, LayoutStateTable table) {
        this.services = services;
        this.table = table;
    }

    @Override
    public CompletionStage<Void> recallFile(long clientId, Inode inode, LayoutIoMode ioMode, long offset,
                                            long length) {
        var holding = table.beginRecall(clientId, inode);
        if (holding.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        CbLayoutRecall4Args args = new CbLayoutRecall4Args();
        args.layoutType = holding.get().layoutType();
        args.ioMode = ioMode.wire();
        args.changed = true;
        args.recallType = CbLayoutRecall4Args.RECALL_FILE;
        args.fh = holding.get().fileHandle();
        args.offset = offset;
        args.length = length;
        args.stateid = new Stateid4(holding.get().stateid().seqid(), holding.get().stateid().other());
        return send(clientId, CbOp.CB_LAYOUTRECALL, args).exceptionallyCompose(e -> {
            if (status(e) == NfsStat.NFS4ERR_NOMATCHING_LAYOUT) {
                table.forget(clientId, inode);
                return CompletableFuture.completedFuture(null);
            }
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
        return send(clientId, CbOp.CB_LAYOUTRECALL, args);
    }

    @Override
    public CompletionStage<Void> notifyDeviceChange(long clientId, int layoutType, DeviceId id, boolean deleted) {
        NotifyDeviceId4 change = new NotifyDeviceId4(deleted ? NotifyDeviceId4.DELETE : NotifyDeviceId4.CHANGE,
                layoutType, id.toBytes(), false);
        return send(clientId, CbOp.CB_NOTIFY_DEVICEID, new CbNotifyDeviceId4Args(List.of(change.notify4())));
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

    private static int status(Throwable e) {
        Throwable t = e instanceof java.util.concurrent.CompletionException && e.getCause() != null
                ? e.getCause() : e;
        return t instanceof CallbackFailedException c ? c.status() : -1;
    }
}
