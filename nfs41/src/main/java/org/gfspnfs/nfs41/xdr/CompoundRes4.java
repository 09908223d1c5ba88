package org.gfspnfs.nfs41.xdr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** COMPOUND4res (RFC 8881 section 16.2): status of the last operation run, the tag, and one result per op. */
public class CompoundRes4 implements XdrAble {
    public int status;
    public byte[] tag = new byte[0];
    public List<ResOp4> results = new ArrayList<>();

    /** After the reply went to the transport, or could not: releases what results held that it did not take. */
    public void abandonUnsent() {
        for (ResOp4 r : results) {
            r.abandon();
        }
    }

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
        int n = XdrBounds.count(xdr, XdrBounds.MAX_OPS + 1);
        results = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ResOp4 r = new ResOp4();
            r.xdrDecode(xdr);
            results.add(r);
        }
    }
}
