package org.gfspnfs.nfs41.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** server_owner4 (RFC 8881 section 2.5). */
public class ServerOwner4 implements XdrAble {
    public long minorId;
    public byte[] majorId;

    public ServerOwner4() {
    }

    public ServerOwner4(long minorId, byte[] majorId) {
        this.minorId = minorId;
        this.majorId = majorId;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeLong(minorId);
        xdr.xdrEncodeDynamicOpaque(majorId);
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        minorId = xdr.xdrDecodeLong();
        majorId = XdrBounds.opaque(xdr, XdrBounds.OPAQUE_LIMIT);
    }
}
