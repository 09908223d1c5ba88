package org.gfspnfs.control.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * Encodes and decodes one API value as XDR (RFC 4506). Decoding goes through {@link XdrReader}, which bounds every
 * length before it allocates, so hostile input costs at most the bytes it actually sent.
 */
public interface XdrCodec<T> {
    void encode(XdrEncodingStream out, T value) throws IOException;

    T decode(XdrReader in) throws IOException;

    /** The encoding half, as a lambda. */
    @FunctionalInterface
    interface Encoder<T> {
        void encode(XdrEncodingStream out, T value) throws IOException;
    }

    /** The decoding half, as a lambda. */
    @FunctionalInterface
    interface Decoder<T> {
        T decode(XdrReader in) throws IOException;
    }

    static <T> XdrCodec<T> of(Encoder<T> encoder, Decoder<T> decoder) {
        return new XdrCodec<>() {
            @Override
            public void encode(XdrEncodingStream out, T value) throws IOException {
                encoder.encode(out, value);
            }

            @Override
            public T decode(XdrReader in) throws IOException {
                return decoder.decode(in);
            }
        };
    }
}
