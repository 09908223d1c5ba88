package org.gfspnfs.nfs41.xdr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** CB_COMPOUND4args (RFC 8881 section 20.1 / 16.2): what the server sends on the backchannel. */
public class CbCompoundArgs4 implements XdrAble {
    public byte[] tag = new byte[0];
    public int minorVersion = 1;
    public int callbackIdent;
    public List<ArgOp4> ops = new ArrayList<>();

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeDynamicOpaque(tag);
        xdr.xdrEncodeInt(minorVersion);
        xdr.xdrEncodeInt(callbackIdent);
        xdr.xdrEncodeInt(ops.size());
        for (ArgOp4 op : ops) {
            op.xdrEncode(xdr);
        }
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        tag = XdrBounds.opaque(xdr, XdrBounds.OPAQUE_LIMIT);
        minorVersion = xdr.xdrDecodeInt();
        callbackIdent = xdr.xdrDecodeInt();
        int n = XdrBounds.count(xdr, XdrBounds.MAX_OPS);
        ops = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int opnum = xdr.xdrDecodeInt();
            XdrAble args = switch (opnum) {
                case CbOp.CB_SEQUENCE -> new CbSequence4Args();
                case CbOp.CB_RECALL -> new CbRecall4Args();
                case CbOp.CB_LAYOUTRECALL -> new CbLayoutRecall4Args();
                case CbOp.CB_NOTIFY_DEVICEID -> new CbNotifyDeviceId4Args();
                default -> throw new XdrBounds.BadXdrLengthException(opnum, CbOp.CB_NOTIFY_DEVICEID);
            };
            args.xdrDecode(xdr);
            ops.add(new ArgOp4(opnum, args));
        }
    }
}
