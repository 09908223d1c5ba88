package org.gfspnfs.ds;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

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

/** The client side of the backchannel: records every callback operation (after CB_SEQUENCE) and answers OK. */
final class LayoutCallbacks implements RpcDispatchable {
    private final List<ArgOp4> received = new CopyOnWriteArrayList<>();

    List<ArgOp4> received() {
        return received;
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
                res.results.add(new ResOp4(op.opnum, NfsStat.NFS4_OK, null));
            }
        }
        call.reply(res);
    }
}
