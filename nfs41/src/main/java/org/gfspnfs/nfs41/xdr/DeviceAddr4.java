package org.gfspnfs.nfs41.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** device_addr4 (RFC 8881 section 3.3.14). */
public class DeviceAddr4 implements XdrAble {
    public int layoutType;
    public byte[] body;

    public DeviceAddr4() {
    }

    public DeviceAddr4(int layoutType, byte[] body) {
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
