package org.gfspnfs.nfs41.xdr;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.Xdr;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * READ4resok. A server result built from a {@link ByteBuffer} is encoded without copying the data: the reply
 * refers to the buffer until it is written to the connection (the buffer must not change afterwards; every encode,
 * including one of a cached reply, reads it from its own position). Decoded results carry {@link #data}.
 */
public class Read4Res implements XdrAble {
    /** Below this, copying into the reply is cheaper than sending the reply in two pieces. */
    static final int SHALLOW_MIN = 64 * 1024;

    public boolean eof;
    public byte[] data;
    private ByteBuffer buffer;

    public Read4Res() {
    }

    public Read4Res(boolean eof, byte[] data) {
        this.eof = eof;
        this.data = data;
    }

    public Read4Res(boolean eof, ByteBuffer data) {
        this.eof = eof;
        this.buffer = data;
    }

    /** Bytes of data this result carries. */
    public int length() {
        return buffer != null ? buffer.remaining() : data.length;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeBoolean(eof);
        if (buffer == null) {
            xdr.xdrEncodeDynamicOpaque(data);
        } else if (xdr instanceof Xdr x && buffer.remaining() >= SHALLOW_MIN) {
            x.xdrEncodeShallowByteBuffer(buffer.duplicate());
        } else {
            xdr.xdrEncodeByteBuffer(buffer.duplicate());
        }
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        eof = XdrBounds.bool(xdr);
        data = XdrBounds.opaque(xdr, XdrBounds.DATA_LIMIT);
    }
}
