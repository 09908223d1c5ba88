package org.gfspnfs.nfs41.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** layoutreturn_stateid (RFC 8881 section 18.44): a stateid when layouts remain, none when all are returned. */
public class OptionalStateid4 implements XdrAble {
    public Stateid4 stateid;

    public OptionalStateid4() {
    }

    public OptionalStateid4(Stateid4 stateid) {
        this.stateid = stateid;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeBoolean(stateid != null);
        if (stateid != null) {
            stateid.xdrEncode(xdr);
        }
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        if (XdrBounds.bool(xdr)) {
            stateid = new Stateid4();
            stateid.xdrDecode(xdr);
        }
    }
}
