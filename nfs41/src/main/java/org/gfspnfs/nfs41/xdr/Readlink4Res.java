package org.gfspnfs.nfs41.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** READLINK4resok (RFC 8881 section 18.24). */
public class Readlink4Res implements XdrAble {
    public byte[] link;

    public Readlink4Res() {
    }

    public Readlink4Res(byte[] link) {
        this.link = link;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeDynamicOpaque(link);
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        link = XdrBounds.opaque(xdr, XdrBounds.PATH_LIMIT);
    }
}
