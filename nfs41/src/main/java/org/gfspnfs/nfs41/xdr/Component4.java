package org.gfspnfs.nfs41.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** component4: one path component (LOOKUP, REMOVE, LINK, SECINFO arguments). Kept as bytes: the client may send any byte string. */
public class Component4 implements XdrAble {
    public byte[] name;

    public Component4() {
    }

    public Component4(byte[] name) {
        this.name = name;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeDynamicOpaque(name);
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        name = XdrBounds.opaque(xdr, XdrBounds.NAME_LIMIT);
    }
}
