package org.gfspnfs.control.xdr;

import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * Already-encoded XDR bytes written as they are. The client encodes a call's arguments once, signs those exact bytes
 * (see {@code auth.CallSigner}) and sends them with this.
 */
public final class RawXdr implements XdrAble {
    private final byte[] bytes;

    public RawXdr(byte[] bytes) {
        if (bytes.length % 4 != 0) {
            throw new IllegalArgumentException("XDR is a multiple of 4 bytes, got " + bytes.length);
        }
        this.bytes = bytes.clone();
    }

    @Override
    public void xdrEncode(XdrEncodingStream out) {
        out.xdrEncodeOpaque(bytes, bytes.length);
    }

    @Override
    public void xdrDecode(XdrDecodingStream in) {
        throw new UnsupportedOperationException("RawXdr is for sending only");
    }
}
