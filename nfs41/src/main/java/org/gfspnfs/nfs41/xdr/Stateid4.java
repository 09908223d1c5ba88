package org.gfspnfs.nfs41.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** stateid4 (RFC 5662): a seqid and 12 opaque bytes naming the state. */
public class Stateid4 implements XdrAble {
    public int seqid;
    public byte[] other;

    public Stateid4() {
    }

    public Stateid4(int seqid, byte[] other) {
        this.seqid = seqid;
        this.other = other;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeInt(seqid);
        xdr.xdrEncodeOpaque(other, 12);
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        seqid = xdr.xdrDecodeInt();
        other = XdrBounds.fixed(xdr, 12);
    }
}
