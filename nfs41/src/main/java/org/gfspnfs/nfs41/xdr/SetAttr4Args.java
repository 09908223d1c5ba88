package org.gfspnfs.nfs41.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** SETATTR4args (RFC 8881 section 18.30). */
public class SetAttr4Args implements XdrAble {
    public Stateid4 stateid;
    public Fattr4 attrs;

    public SetAttr4Args() {
    }

    public SetAttr4Args(Stateid4 stateid, Fattr4 attrs) {
        this.stateid = stateid;
        this.attrs = attrs;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        stateid.xdrEncode(xdr);
        attrs.xdrEncode(xdr);
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        stateid = new Stateid4();
        stateid.xdrDecode(xdr);
        attrs = new Fattr4();
        attrs.xdrDecode(xdr);
    }
}
