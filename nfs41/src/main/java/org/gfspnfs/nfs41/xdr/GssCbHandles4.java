package org.gfspnfs.nfs41.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** gss_cb_handles4 (RFC 8881 section 18.36). */
public class GssCbHandles4 implements XdrAble {
    public int service;
    public byte[] handleFromServer;
    public byte[] handleFromClient;

    public GssCbHandles4() {
    }

    public GssCbHandles4(int service, byte[] handleFromServer, byte[] handleFromClient) {
        this.service = service;
        this.handleFromServer = handleFromServer;
        this.handleFromClient = handleFromClient;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeInt(service);
        xdr.xdrEncodeDynamicOpaque(handleFromServer);
        xdr.xdrEncodeDynamicOpaque(handleFromClient);
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        service = xdr.xdrDecodeInt();
        handleFromServer = XdrBounds.opaque(xdr, XdrBounds.OPAQUE_LIMIT);
        handleFromClient = XdrBounds.opaque(xdr, XdrBounds.OPAQUE_LIMIT);
    }
}
