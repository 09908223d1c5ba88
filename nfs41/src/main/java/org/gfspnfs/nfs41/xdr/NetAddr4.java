package org.gfspnfs.nfs41.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** netaddr4 (RFC 8881 section 3.3.9): a netid ("tcp", "tcp6") and a universal address ("h1.h2.h3.h4.p1.p2"). */
public class NetAddr4 implements XdrAble {
    public String netid;
    public String addr;

    public NetAddr4() {
    }

    public NetAddr4(String netid, String addr) {
        this.netid = netid;
        this.addr = addr;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        XdrBounds.utf8(xdr, netid);
        XdrBounds.utf8(xdr, addr);
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        netid = XdrBounds.utf8(xdr, XdrBounds.OPAQUE_LIMIT);
        addr = XdrBounds.utf8(xdr, XdrBounds.OPAQUE_LIMIT);
    }
}
