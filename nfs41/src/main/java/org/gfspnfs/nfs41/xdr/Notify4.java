package org.gfspnfs.nfs41.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** notify4 (RFC 8881 section 20.4): a bitmap of notification types and their XDR-encoded values. */
public class Notify4 implements XdrAble {
    public int[] mask;
    public byte[] vals;

    public Notify4() {
    }

    public Notify4(int[] mask, byte[] vals) {
        this.mask = mask;
        this.vals = vals;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeIntVector(mask);
        xdr.xdrEncodeDynamicOpaque(vals);
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        mask = XdrBounds.bitmap(xdr);
        vals = XdrBounds.opaque(xdr, XdrBounds.OPAQUE_BODY);
    }
}
