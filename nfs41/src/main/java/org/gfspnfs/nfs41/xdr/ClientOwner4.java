package org.gfspnfs.nfs41.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** client_owner4 (RFC 8881 section 2.4): the client's verifier (changes on reboot) and its unique name. */
public class ClientOwner4 implements XdrAble {
    public byte[] verifier;
    public byte[] ownerId;

    public ClientOwner4() {
    }

    public ClientOwner4(byte[] verifier, byte[] ownerId) {
        this.verifier = verifier;
        this.ownerId = ownerId;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeOpaque(verifier, 8);
        xdr.xdrEncodeDynamicOpaque(ownerId);
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        verifier = XdrBounds.fixed(xdr, 8);
        ownerId = XdrBounds.opaque(xdr, XdrBounds.OPAQUE_LIMIT);
    }
}
