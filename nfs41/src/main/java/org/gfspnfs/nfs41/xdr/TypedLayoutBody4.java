package org.gfspnfs.nfs41.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * The RFC 5662 shape shared by layout_content4 and device_addr4: a layouttype4 and an opaque body whose meaning the
 * layout type defines. The body length is bounded on decode like every other opaque.
 */
public abstract class TypedLayoutBody4 implements XdrAble {
    public int layoutType;
    public byte[] body;

    protected TypedLayoutBody4() {
    }

    protected TypedLayoutBody4(int layoutType, byte[] body) {
        this.layoutType = layoutType;
        this.body = body;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeInt(layoutType);
        xdr.xdrEncodeDynamicOpaque(body);
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        layoutType = xdr.xdrDecodeInt();
        body = XdrBounds.opaque(xdr, XdrBounds.OPAQUE_BODY);
    }
}
