package org.gfspnfs.nfs41.xdr;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.dcache.oncrpc4j.xdr.Xdr;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** Encoding to and from byte arrays, for fattr4 attr_vals and for tests. */
public final class XdrBytes {
    private XdrBytes() {
    }

    /** Something that writes XDR. */
    @FunctionalInterface
    public interface Writer {
        void write(XdrEncodingStream xdr) throws IOException;
    }

    /** The bytes {@code writer} encodes (into a plain array: no transport buffer per encoding). */
    public static byte[] encode(Writer writer) {
        XdrByteWriter xdr = new XdrByteWriter(256);
        try {
            xdr.beginEncoding();
            writer.write(xdr);
            xdr.endEncoding();
            return xdr.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] encode(XdrAble value) {
        return encode(value::xdrEncode);
    }

    /** Decodes {@code bytes} into {@code value}; trailing bytes are an error. */
    public static <T extends XdrAble> T decode(byte[] bytes, T value) throws IOException {
        try (Xdr xdr = new Xdr(bytes)) {
            xdr.beginDecoding();
            value.xdrDecode(xdr);
            if (xdr.hasMoreData()) {
                throw new XdrBounds.BadXdrLengthException(bytes.length, bytes.length);
            }
            xdr.endDecoding();
            return value;
        }
    }
}
