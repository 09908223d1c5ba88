package org.gfspnfs.bench.rpc;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.gfspnfs.nfs41.transport.Slab;
import org.gfspnfs.nfs41.xdr.SlicingXdrDecoder;

/**
 * Decodes one received record from its buffer (RFC 4506). Large opaques can be handed out as views
 * ({@link SlicingXdrDecoder}) when the record has a buffer of its own ({@code holder} not null); in the connection's
 * shared read buffer, which the next record overwrites, they are copied. Every length is checked against what the
 * record holds before anything is allocated; a reply that ends early or announces more than it holds is a
 * {@link MalformedReplyException} (oncrpc4j's own exception for this cannot be made outside its package).
 */
final class ReplyDecoder implements SlicingXdrDecoder {
    private final ByteBuffer in;
    private final Slab holder;

    /** Decodes {@code record} from its position to its limit. */
    ReplyDecoder(ByteBuffer record, Slab holder) {
        this.in = record;
        this.holder = holder;
    }

    /** Bytes not decoded yet. */
    int remaining() {
        return in.remaining();
    }

    private int length(int max) {
        int n = xdrDecodeInt();
        if (n < 0 || n > max || padded(n) > in.remaining()) {
            throw new MalformedReplyException("XDR length " + n + " beyond the " + in.remaining()
                    + " bytes left in the reply");
        }
        return n;
    }

    private static long padded(int n) {
        return (n + 3L) & ~3L;
    }

    private void need(long n) {
        if (n < 0 || n > in.remaining()) {
            throw new MalformedReplyException("reply ends " + (n - in.remaining()) + " bytes short");
        }
    }

    private void skipPad(int len) {
        in.position(in.position() + (int) (padded(len) - len));
    }

    @Override
    public ByteBuffer xdrDecodeOpaqueView(int len) throws OncRpcException {
        need(padded(len));
        ByteBuffer view;
        if (holder != null) {
            view = in.slice().limit(len).asReadOnlyBuffer();
            in.position(in.position() + len);
        } else {
            byte[] copy = new byte[len];
            in.get(copy);
            view = ByteBuffer.wrap(copy).asReadOnlyBuffer();
        }
        skipPad(len);
        return view;
    }

    @Override
    public Runnable lease() {
        if (holder == null) {
            return () -> { };
        }
        holder.hold();
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                holder.release();
            }
        };
    }

    @Override
    public void beginDecoding() {
    }

    @Override
    public void endDecoding() {
    }

    @Override
    public int xdrDecodeInt() {
        try {
            return in.getInt();
        } catch (BufferUnderflowException e) {
            throw new MalformedReplyException("reply ends inside an XDR int");
        }
    }

    @Override
    public int[] xdrDecodeIntVector() {
        return xdrDecodeIntFixedVector(length(in.remaining() / 4));
    }

    @Override
    public int[] xdrDecodeIntFixedVector(int len) {
        need(4L * len);
        int[] out = new int[len];
        for (int i = 0; i < len; i++) {
            out[i] = in.getInt();
        }
        return out;
    }

    @Override
    public byte[] xdrDecodeDynamicOpaque() {
        return xdrDecodeOpaque(length(in.remaining()));
    }

    @Override
    public byte[] xdrDecodeOpaque(int size) {
        need(padded(size));
        byte[] out = new byte[size];
        in.get(out);
        skipPad(size);
        return out;
    }

    @Override
    public void xdrDecodeOpaque(byte[] data, int offset, int len) {
        need(padded(len));
        in.get(data, offset, len);
        skipPad(len);
    }

    @Override
    public boolean xdrDecodeBoolean() {
        return xdrDecodeInt() != 0;
    }

    @Override
    public String xdrDecodeString() {
        return new String(xdrDecodeDynamicOpaque(), StandardCharsets.UTF_8);
    }

    @Override
    public long xdrDecodeLong() {
        try {
            return in.getLong();
        } catch (BufferUnderflowException e) {
            throw new MalformedReplyException("reply ends inside an XDR hyper");
        }
    }

    @Override
    public long[] xdrDecodeLongVector() {
        return xdrDecodeLongFixedVector(length(in.remaining() / 8));
    }

    @Override
    public long[] xdrDecodeLongFixedVector(int len) {
        need(8L * len);
        long[] out = new long[len];
        for (int i = 0; i < len; i++) {
            out[i] = in.getLong();
        }
        return out;
    }

    /** A copy of the opaque (the caller may keep it past this record). */
    @Override
    public ByteBuffer xdrDecodeByteBuffer() {
        return ByteBuffer.wrap(xdrDecodeDynamicOpaque());
    }

    @Override
    public float xdrDecodeFloat() {
        return Float.intBitsToFloat(xdrDecodeInt());
    }

    @Override
    public double xdrDecodeDouble() {
        return Double.longBitsToDouble(xdrDecodeLong());
    }

    @Override
    public double[] xdrDecodeDoubleVector() {
        return xdrDecodeDoubleFixedVector(length(in.remaining() / 8));
    }

    @Override
    public double[] xdrDecodeDoubleFixedVector(int length) {
        need(8L * length);
        double[] out = new double[length];
        for (int i = 0; i < length; i++) {
            out[i] = xdrDecodeDouble();
        }
        return out;
    }

    @Override
    public float[] xdrDecodeFloatVector() {
        return xdrDecodeFloatFixedVector(length(in.remaining() / 4));
    }

    @Override
    public float[] xdrDecodeFloatFixedVector(int length) {
        need(4L * length);
        float[] out = new float[length];
        for (int i = 0; i < length; i++) {
            out[i] = xdrDecodeFloat();
        }
        return out;
    }

    /** Each byte was widened to an XDR int (oncrpc4j's encoding of a byte vector). */
    @Override
    public byte[] xdrDecodeByteVector() {
        return xdrDecodeByteFixedVector(length(in.remaining() / 4));
    }

    @Override
    public byte[] xdrDecodeByteFixedVector(int length) {
        need(4L * length);
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = (byte) in.getInt();
        }
        return out;
    }

    @Override
    public byte xdrDecodeByte() {
        return (byte) xdrDecodeInt();
    }

    @Override
    public short xdrDecodeShort() {
        return (short) xdrDecodeInt();
    }

    @Override
    public short[] xdrDecodeShortVector() {
        return xdrDecodeShortFixedVector(length(in.remaining() / 4));
    }

    @Override
    public short[] xdrDecodeShortFixedVector(int length) {
        need(4L * length);
        short[] out = new short[length];
        for (int i = 0; i < length; i++) {
            out[i] = (short) in.getInt();
        }
        return out;
    }
}
