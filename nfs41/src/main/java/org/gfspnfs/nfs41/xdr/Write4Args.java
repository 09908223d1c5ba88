package org.gfspnfs.nfs41.xdr;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.Xdr;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.memory.ByteBufferArray;

/**
 * WRITE4args (RFC 8881 section 18.32). A client fills {@link #data}. A request decoded from an RPC message carries
 * its payload as views of the message's buffers ({@link #parts()}: one, unless the client sent the record in several
 * fragments), valid while the request is being executed, so the data is not copied out of the RPC buffer on its
 * way to the filesystem.
 */
public class Write4Args implements XdrAble {
    private static final ByteBuffer[] NONE = new ByteBuffer[0];

    public Stateid4 stateid;
    public long offset;
    public int stable;
    public byte[] data;
    private ByteBuffer[] parts = NONE;
    private int length;

    public Write4Args() {
    }

    public Write4Args(Stateid4 stateid, long offset, int stable, byte[] data) {
        this.stateid = stateid;
        this.offset = offset;
        this.stable = stable;
        this.data = data;
    }

    /**
     * A client's request whose data is {@code payload}'s remaining bytes, encoded from the buffer as it is (an
     * encoder that sends large opaques by reference sends it without a copy; it must not change until sent).
     */
    public Write4Args(Stateid4 stateid, long offset, int stable, ByteBuffer payload) {
        this.stateid = stateid;
        this.offset = offset;
        this.stable = stable;
        this.parts = new ByteBuffer[] {payload.asReadOnlyBuffer()};
        this.length = payload.remaining();
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        stateid.xdrEncode(xdr);
        xdr.xdrEncodeLong(offset);
        xdr.xdrEncodeInt(stable);
        if (data != null) {
            xdr.xdrEncodeDynamicOpaque(data);
        } else if (parts.length == 1) {
            xdr.xdrEncodeByteBuffer(parts[0].duplicate());
        } else {
            xdr.xdrEncodeByteBuffer(gather(ByteBuffer.allocate(length)));
        }
    }

    /** Bytes of data. */
    public int length() {
        return data != null ? data.length : length;
    }

    /** The data as read-only views, in order (one for a client-built request). */
    public ByteBuffer[] parts() {
        if (data != null) {
            return new ByteBuffer[] {ByteBuffer.wrap(data).asReadOnlyBuffer()};
        }
        ByteBuffer[] out = new ByteBuffer[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = parts[i].asReadOnlyBuffer();
        }
        return out;
    }

    /** Copies the data into {@code dst} (which must have {@link #length()} bytes of room) and returns it flipped. */
    public ByteBuffer gather(ByteBuffer dst) {
        for (ByteBuffer p : parts()) {
            dst.put(p);
        }
        return dst.flip();
    }

    /** A copy of the data as an array. */
    public byte[] bytes() {
        return data != null ? data : gather(ByteBuffer.allocate(length)).array();
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        stateid = new Stateid4();
        stateid.xdrDecode(xdr);
        offset = xdr.xdrDecodeLong();
        stable = xdr.xdrDecodeInt();
        data = null;
        if (xdr instanceof Xdr x) {
            decodeViews(x.asBuffer(), XdrBounds.count(xdr, XdrBounds.DATA_LIMIT));
        } else {
            ByteBuffer b = xdr.xdrDecodeByteBuffer();
            if (b.remaining() > XdrBounds.DATA_LIMIT) {
                throw new XdrBounds.BadXdrLengthException(b.remaining(), XdrBounds.DATA_LIMIT);
            }
            parts = new ByteBuffer[] {b};
            length = b.remaining();
        }
    }

    /** Views of {@code len} bytes at the buffer's position (plus XDR padding), which moves past them. */
    private void decodeViews(Buffer buf, int len) throws OncRpcException {
        int padded = (len + 3) & ~3;
        if (buf.remaining() < padded) {
            throw new XdrBounds.BadXdrLengthException(len, buf.remaining());
        }
        int at = buf.position();
        if (len > 0) {
            ByteBufferArray views = buf.toByteBufferArray(at, at + len);
            try {
                ByteBuffer[] a = views.getArray();
                parts = new ByteBuffer[views.size()];
                for (int i = 0; i < parts.length; i++) {
                    // duplicate() keeps the window Grizzly set; restore() below resets the originals.
                    parts[i] = a[i].duplicate();
                }
            } finally {
                views.restore();
                views.recycle();
            }
        } else {
            parts = NONE;
        }
        length = len;
        buf.position(at + padded);
    }
}
