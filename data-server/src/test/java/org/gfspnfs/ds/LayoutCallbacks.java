package org.gfspnfs.ds;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.dcache.oncrpc4j.rpc.RpcCall;
import org.dcache.oncrpc4j.rpc.RpcDispatchable;
import org.dcache.oncrpc4j.xdr.XdrVoid;
import org.gfspnfs.nfs41.status.NfsStat;
import org.gfspnfs.nfs41.xdr.ArgOp4;
import org.gfspnfs.nfs41.xdr.CbCompoundArgs4;
import org.gfspnfs.nfs41.xdr.CbCompoundRes4;
import org.gfspnfs.nfs41.xdr.CbOp;
import org.gfspnfs.nfs41.xdr.CbSequence4Args;
import org.gfspnfs.nfs41.xdr.CbSequence4Res;
import org.gfspnfs.nfs41.xdr.ResOp4;

/**
 * The client side of the backchannel: records every callback operation (after CB_SEQUENCE) and answers OK, or
 * NFS4ERR_DELAY to as many CB_LAYOUTRECALLs as {@link #delayRecalls} asked for (a Linux client with a LAYOUTRETURN
 * of its own in flight answers that).
 */
final class LayoutCallbacks implements RpcDispatchable {
    private final List<ArgOp4> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger recallsToDelay = new AtomicInteger();

    List<ArgOp4> received() {
        return received;
    }

    /** The next {@code n} CB_LAYOUTRECALLs are answered NFS4ERR_DELAY (and still recorded). */
    void delayRecalls(int n) {
        recallsToDelay.set(n);
    }

    @Override
    public void dispatchOncRpcCall(RpcCall call) throws IOException {
        if (call.getProcedure() == CbOp.CB_NULL_PROC) {
            call.reply(XdrVoid.XDR_VOID);
            return;
        }
        CbCompoundArgs4 args = new CbCompoundArgs4();
        call.retrieveCall(args);
        CbCompoundRes4 res = new CbCompoundRes4();
        res.tag = args.tag;
        for (ArgOp4 op : args.ops) {
            if (op.opnum == CbOp.CB_SEQUENCE) {
                CbSequence4Args s = (CbSequence4Args) op.args;
                res.results.add(new ResOp4(op.opnum, NfsStat.NFS4_OK,
                        new CbSequence4Res(s.sessionId, s.sequenceId, s.slotId, s.highestSlotId, s.highestSlotId)));
            } else {
                received.add(op);
                boolean delay = op.opnum == CbOp.CB_LAYOUTRECALL
                        && recallsToDelay.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
                int status = delay ? NfsStat.NFS4ERR_DELAY : NfsStat.NFS4_OK;
                res.results.add(new ResOp4(op.opnum, status, null));
                if (delay) {
                    res.status = status;
                    break;
                }
            }
        }
        call.reply(res);
    }
}
