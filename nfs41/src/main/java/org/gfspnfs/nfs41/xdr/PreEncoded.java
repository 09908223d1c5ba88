package org.gfspnfs.nfs41.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * A result whose XDR was written as it was computed (a READDIR reply, entry by entry into one array): sent as those
 * bytes, by reference where the transport takes that. Encode only; a client decodes the result's own type.
 */
public final class PreEncoded implements XdrAble, SizedXdr {
    private final XdrByteWriter bytes;

    /** {@code bytes} holds the whole result and is not written to again. */
    public PreEncoded(XdrByteWriter bytes) {
        this.bytes = bytes;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        bytes.writeTo(xdr);
    }

    @Override
    public int encodedSize() {
        return bytes.length();
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) {
        throw new UnsupportedOperationException("encoded in advance by the server; decode the result's own type");
    }
}
