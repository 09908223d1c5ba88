package org.gfspnfs.nfs41.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** BIND_CONN_TO_SESSION4resok. */
public class BindConnToSession4Res implements XdrAble {
    public byte[] sessionId;
    public int dir;
    public boolean useRdma;

    public BindConnToSession4Res() {
    }

    public BindConnToSession4Res(byte[] sessionId, int dir, boolean useRdma) {
        this.sessionId = sessionId;
        this.dir = dir;
        this.useRdma = useRdma;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeOpaque(sessionId, 16);
        xdr.xdrEncodeInt(dir);
        xdr.xdrEncodeBoolean(useRdma);
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        sessionId = XdrBounds.fixed(xdr, 16);
        dir = xdr.xdrDecodeInt();
        useRdma = XdrBounds.bool(xdr);
    }
}
