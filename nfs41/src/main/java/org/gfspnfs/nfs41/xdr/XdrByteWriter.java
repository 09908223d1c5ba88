package org.gfspnfs.nfs41.xdr;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * An {@link XdrEncodingStream} into a growable byte array, for the small encodings the server makes per request
 * (attribute values of GETATTR and of every READDIR entry, device addresses, layout bodies). oncrpc4j's
 * {@code Xdr} takes a transport buffer from Grizzly's memory manager for each of them; this is one array. The
 * bytes are those oncrpc4j's {@code Xdr} writes for the same calls (RFC 4506; bytes and shorts widened to ints,
 * strings as UTF-8 opaques), which {@code XdrByteWriterTest} checks call by call.
 */
public final class XdrByteWriter extends XdrEncoder {
    private static final byte[] PAD = new byte[4];

    private byte[] buf;
    private int pos;

    public XdrByteWriter() {
        this(128);
    }

    public XdrByteWriter(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    /** The bytes written so far. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buf, pos);
    }

    /**
     * Appends the bytes written so far to {@code out} as they are (they are whole XDR items, so a multiple of four
     * long): by reference if {@code out} takes that, else in one bulk copy - not one small write per item. Nothing
     * may be written to this writer afterwards (a reply cache may encode the same result again).
     */
    public void writeTo(XdrEncodingStream out) throws OncRpcException, IOException {
        if (out instanceof ShallowAppend shallow) {
            shallow.appendShallow(buf, pos);
        } else {
            out.xdrEncodeOpaque(buf, 0, pos);
        }
    }

    /** Bytes written so far. */
    public int length() {
        return pos;
    }

    /** Forgets everything written after the first {@code length} bytes (an item that turned out not to fit). */
    public void truncate(int length) {
        if (length < 0 || length > pos) {
            throw new IllegalArgumentException("truncate to " + length + " of " + pos + " bytes");
        }
        pos = length;
    }

    /** Overwrites the int written at byte {@code at} (a length known only after what follows it was written). */
    public void patchInt(int at, int v) {
        if (at < 0 || at + 4 > pos) {
            throw new IllegalArgumentException("no int at " + at + " of " + pos + " bytes");
        }
        buf[at] = (byte) (v >>> 24);
        buf[at + 1] = (byte) (v >>> 16);
        buf[at + 2] = (byte) (v >>> 8);
        buf[at + 3] = (byte) v;
    }

    private void room(int n) {
        if (buf.length - pos < n) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
        }
    }

    private void put(byte[] b, int off, int len) {
        room(len + 3);
        System.arraycopy(b, off, buf, pos, len);
        pos += len;
        int pad = (4 - (len & 3)) & 3;
        System.arraycopy(PAD, 0, buf, pos, pad);
        pos += pad;
    }

    @Override
    public void beginEncoding() {
        pos = 0;
    }

    @Override
    public void xdrEncodeInt(int v) {
        room(4);
        buf[pos] = (byte) (v >>> 24);
        buf[pos + 1] = (byte) (v >>> 16);
        buf[pos + 2] = (byte) (v >>> 8);
        buf[pos + 3] = (byte) v;
        pos += 4;
    }

    @Override
    public void xdrEncodeOpaque(byte[] opaque, int offset, int len) {
        put(opaque, offset, len);
    }

    /** The buffer's remaining bytes as a variable-length opaque; its position is left where it was. */
    @Override
    public void xdrEncodeByteBuffer(ByteBuffer b) {
        int len = b.remaining();
        xdrEncodeInt(len);
        room(len + 3);
        b.duplicate().get(buf, pos, len);
        pos += len;
        int pad = (4 - (len & 3)) & 3;
        System.arraycopy(PAD, 0, buf, pos, pad);
        pos += pad;
    }
}
