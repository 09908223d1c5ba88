package org.gfspnfs.nfs41.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** CREATE4resok (RFC 8881 section 18.4). */
public class Create4Res implements XdrAble {
    public ChangeInfo4 cinfo;
    public int[] attrSet;

    public Create4Res() {
    }

    public Create4Res(ChangeInfo4 cinfo, int[] attrSet) {
        this.cinfo = cinfo;
        this.attrSet = attrSet;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        cinfo.xdrEncode(xdr);
        xdr.xdrEncodeIntVector(attrSet);
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        cinfo = new ChangeInfo4();
        cinfo.xdrDecode(xdr);
        attrSet = XdrBounds.bitmap(xdr);
    }
}
