package org.gfspnfs.nfs41.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** nfs_impl_id4 (RFC 8881 section 18.35). */
public class NfsImplId4 implements XdrAble {
    public String domain;
    public String name;
    public Nfstime4 date;

    public NfsImplId4() {
    }

    public NfsImplId4(String domain, String name, Nfstime4 date) {
        this.domain = domain;
        this.name = name;
        this.date = date;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        XdrBounds.utf8(xdr, domain);
        XdrBounds.utf8(xdr, name);
        date.xdrEncode(xdr);
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        domain = XdrBounds.utf8(xdr, XdrBounds.OPAQUE_LIMIT);
        name = XdrBounds.utf8(xdr, XdrBounds.OPAQUE_LIMIT);
        date = new Nfstime4();
        date.xdrDecode(xdr);
    }
}
