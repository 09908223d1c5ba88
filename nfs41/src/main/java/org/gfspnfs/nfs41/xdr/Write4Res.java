package org.gfspnfs.nfs41.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** WRITE4resok. */
public class Write4Res implements XdrAble {
    public int count;
    public int committed;
    public byte[] verifier;

    public Write4Res() {
    }

    public Write4Res(int count, int committed, byte[] verifier) {
        this.count = count;
        this.committed = committed;
        this.verifier = verifier;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeInt(count);
        xdr.xdrEncodeInt(committed);
        xdr.xdrEncodeOpaque(verifier, 8);
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        count = xdr.xdrDecodeInt();
        committed = xdr.xdrDecodeInt();
        verifier = XdrBounds.fixed(xdr, 8);
    }
}
