package org.gfspnfs.nfs41.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** fattr4 (RFC 8881 section 3.3.5): a bitmap of attribute numbers and their XDR-encoded values in order. */
public class Fattr4 implements XdrAble {
    public int[] attrmask;
    public byte[] attrVals;

    public Fattr4() {
    }

    public Fattr4(int[] attrmask, byte[] attrVals) {
        this.attrmask = attrmask;
        this.attrVals = attrVals;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeIntVector(attrmask);
        xdr.xdrEncodeDynamicOpaque(attrVals);
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        attrmask = XdrBounds.bitmap(xdr);
        attrVals = XdrBounds.opaque(xdr, XdrBounds.ATTR_VALS_LIMIT);
    }
}
