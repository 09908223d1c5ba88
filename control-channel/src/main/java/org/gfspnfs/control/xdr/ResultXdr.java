package org.gfspnfs.control.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;
import org.gfspnfs.control.api.ControlException;
import org.gfspnfs.control.api.ControlStatus;

/**
 * Every result: {@code union ctl_res switch (ctl_status status) { case CTL_OK: T body; default: string message; }}.
 * The client side turns a non-OK status back into the matching {@link ControlException}.
 */
public final class ResultXdr<R> implements XdrAble {
    private final XdrCodec<R> codec;
    private ControlStatus status;
    private String message;
    private R body;

    private ResultXdr(XdrCodec<R> codec, ControlStatus status, String message, R body) {
        this.codec = codec;
        this.status = status;
        this.message = message;
        this.body = body;
    }

    public static <R> ResultXdr<R> ok(XdrCodec<R> codec, R body) {
        return new ResultXdr<>(codec, ControlStatus.OK, "", body);
    }

    public static <R> ResultXdr<R> error(XdrCodec<R> codec, ControlStatus status, String message) {
        return new ResultXdr<>(codec, status, message == null ? "" : message, null);
    }

    /** An empty holder to decode a reply into. */
    public static <R> ResultXdr<R> forDecoding(XdrCodec<R> codec) {
        return new ResultXdr<>(codec, null, null, null);
    }

    /** The body, or the peer's error as the exception it stands for. */
    public R get() throws ControlException {
        if (status != ControlStatus.OK) {
            throw ControlException.of(status, message);
        }
        return body;
    }

    @Override
    public void xdrEncode(XdrEncodingStream out) throws OncRpcException, IOException {
        out.xdrEncodeInt(status.code());
        if (status == ControlStatus.OK) {
            codec.encode(out, body);
        } else {
            XdrWriter.string(out, truncate(message));
        }
    }

    @Override
    public void xdrDecode(XdrDecodingStream in) throws OncRpcException, IOException {
        XdrReader reader = new XdrReader(in);
        status = ControlStatus.ofCode(reader.int32());
        if (status == ControlStatus.OK) {
            try {
                body = codec.decode(reader);
            } catch (RuntimeException e) {
                throw new XdrFormatException("result does not decode: " + e.getMessage(), e);
            }
        } else {
            message = reader.string();
        }
    }

    private static String truncate(String s) {
        return s.length() > 1000 ? s.substring(0, 1000) : s;
    }
}
