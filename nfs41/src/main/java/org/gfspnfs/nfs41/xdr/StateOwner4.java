package org.gfspnfs.nfs41.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** open_owner4 / lock_owner4 (RFC 8881 section 3.3.12): the client id and an opaque owner name. */
public class StateOwner4 implements XdrAble {
    public long clientId;
    public byte[] owner;

    public StateOwner4() {
    }

    public StateOwner4(long clientId, byte[] owner) {
        this.clientId = clientId;
        this.owner = owner;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeLong(clientId);
        xdr.xdrEncodeDynamicOpaque(owner);
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        clientId = xdr.xdrDecodeLong();
        owner = XdrBounds.opaque(xdr, XdrBounds.OPAQUE_LIMIT);
    }
}
