package org.gfspnfs.nfs41.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** CB_RECALL4args (RFC 8881 section 20.2). */
public class CbRecall4Args implements XdrAble {
    public Stateid4 stateid;
    public boolean truncate;
    public byte[] fh;

    public CbRecall4Args() {
    }

    public CbRecall4Args(Stateid4 stateid, boolean truncate, byte[] fh) {
        this.stateid = stateid;
        this.truncate = truncate;
        this.fh = fh;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        stateid.xdrEncode(xdr);
        xdr.xdrEncodeBoolean(truncate);
        xdr.xdrEncodeDynamicOpaque(fh);
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        stateid = new Stateid4();
        stateid.xdrDecode(xdr);
        truncate = XdrBounds.bool(xdr);
        fh = XdrBounds.opaque(xdr, XdrBounds.FH_SIZE);
    }
}
