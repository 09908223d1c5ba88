package org.gfspnfs.control.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** A procedure's argument as an {@link XdrAble}, encoded and decoded by its {@link XdrCodec}. */
public final class ArgsXdr<A> implements XdrAble {
    private final XdrCodec<A> codec;
    private A value;

    private ArgsXdr(XdrCodec<A> codec, A value) {
        this.codec = codec;
        this.value = value;
    }

    public static <A> ArgsXdr<A> of(XdrCodec<A> codec, A value) {
        return new ArgsXdr<>(codec, value);
    }

    public static <A> ArgsXdr<A> forDecoding(XdrCodec<A> codec) {
        return new ArgsXdr<>(codec, null);
    }

    public A value() {
        return value;
    }

    @Override
    public void xdrEncode(XdrEncodingStream out) throws OncRpcException, IOException {
        codec.encode(out, value);
    }

    /** Decodes the value; any decoding failure, including an argument the API type refuses, is bad XDR. */
    @Override
    public void xdrDecode(XdrDecodingStream in) throws OncRpcException, IOException {
        try {
            value = codec.decode(new XdrReader(in));
        } catch (RuntimeException e) {
            throw new XdrFormatException("arguments do not decode: " + e.getMessage(), e);
        }
    }
}
