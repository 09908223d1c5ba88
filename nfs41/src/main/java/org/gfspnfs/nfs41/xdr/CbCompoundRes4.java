package org.gfspnfs.nfs41.xdr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;
import org.gfspnfs.nfs41.status.NfsStat;

/**
 * CB_COMPOUND4res: the client's answer. Only CB_SEQUENCE has a result body (on success); every other callback
 * result is a bare status.
 */
public class CbCompoundRes4 implements XdrAble {
    public int status;
    public byte[] tag = new byte[0];
    public List<ResOp4> results = new ArrayList<>();

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeInt(status);
        xdr.xdrEncodeDynamicOpaque(tag);
        xdr.xdrEncodeInt(results.size());
        for (ResOp4 r : results) {
            r.xdrEncode(xdr);
        }
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        status = xdr.xdrDecodeInt();
        tag = XdrBounds.opaque(xdr, XdrBounds.OPAQUE_LIMIT);
        int n = XdrBounds.count(xdr, XdrBounds.MAX_OPS);
        results = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int opnum = xdr.xdrDecodeInt();
            int st = xdr.xdrDecodeInt();
            XdrAble body = null;
            if (opnum == CbOp.CB_SEQUENCE && st == NfsStat.NFS4_OK) {
                body = new CbSequence4Res();
                body.xdrDecode(xdr);
            }
            results.add(new ResOp4(opnum, st, body));
        }
    }
}
