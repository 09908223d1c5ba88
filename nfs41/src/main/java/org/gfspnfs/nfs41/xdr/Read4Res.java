package org.gfspnfs.nfs41.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** READ4resok. */
public class Read4Res implements XdrAble {
    public boolean eof;
    public byte[] data;

    public Read4Res() {
    }

    public Read4Res(boolean eof, byte[] data) {
        this.eof = eof;
        this.data = data;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeBoolean(eof);
        xdr.xdrEncodeDynamicOpaque(data);
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        eof = XdrBounds.bool(xdr);
        data = XdrBounds.opaque(xdr, XdrBounds.DATA_LIMIT);
    }
}
