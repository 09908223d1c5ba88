package org.gfspnfs.nfs41.xdr;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * An {@link XdrEncodingStream} that only counts the bytes an encoding would take (RFC 4506: every item a multiple
 * of four bytes, opaques padded, bytes and shorts widened to ints as oncrpc4j's {@code Xdr} does). The COMPOUND
 * executor sizes each result with it against the session's reply limits, so results are encoded once, into the
 * reply, instead of once more into a scratch buffer.
 */
public final class XdrSizer implements XdrEncodingStream {
    private long bytes;

    /** Bytes {@code value} encodes to. */
    public static long sizeOf(XdrAble value) {
        XdrSizer s = new XdrSizer();
        try {
            value.xdrEncode(s);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return s.bytes;
    }

    public long bytes() {
        return bytes;
    }

    private static long padded(long len) {
        return (len + 3) & ~3L;
    }

    @Override
    public void beginEncoding() {
    }

    @Override
    public void endEncoding() {
    }

    @Override
    public void xdrEncodeInt(int value) {
        bytes += 4;
    }

    @Override
    public void xdrEncodeIntVector(int[] values) {
        bytes += 4 + 4L * values.length;
    }

    @Override
    public void xdrEncodeIntFixedVector(int[] values, int len) {
        bytes += 4L * len;
    }

    @Override
    public void xdrEncodeDynamicOpaque(byte[] opaque) {
        bytes += 4 + padded(opaque.length);
    }

    @Override
    public void xdrEncodeOpaque(byte[] opaque, int len) {
        bytes += padded(len);
    }

    @Override
    public void xdrEncodeOpaque(byte[] opaque, int offset, int len) {
        bytes += padded(len);
    }

    @Override
    public void xdrEncodeBoolean(boolean value) {
        bytes += 4;
    }

    @Override
    public void xdrEncodeString(String string) {
        bytes += 4 + padded(string == null ? 0 : string.getBytes(StandardCharsets.UTF_8).length);
    }

    @Override
    public void xdrEncodeLong(long value) {
        bytes += 8;
    }

    @Override
    public void xdrEncodeLongVector(long[] values) {
        bytes += 4 + 8L * values.length;
    }

    @Override
    public void xdrEncodeLongFixedVector(long[] values, int len) {
        bytes += 8L * len;
    }

    /** A variable-length opaque of {@code len} bytes: its length word, the bytes, the padding. */
    public void opaque(int len) {
        bytes += 4 + padded(len);
    }

    @Override
    public void xdrEncodeByteBuffer(ByteBuffer buf) {
        bytes += 4 + padded(buf.remaining());
    }

    @Override
    public void xdrEncodeFloat(float value) {
        bytes += 4;
    }

    @Override
    public void xdrEncodeDouble(double value) {
        bytes += 8;
    }

    @Override
    public void xdrEncodeFloatVector(float[] values) {
        bytes += 4 + 4L * values.length;
    }

    @Override
    public void xdrEncodeFloatFixedVector(float[] values, int len) {
        bytes += 4L * len;
    }

    @Override
    public void xdrEncodeDoubleVector(double[] values) {
        bytes += 4 + 8L * values.length;
    }

    @Override
    public void xdrEncodeDoubleFixedVector(double[] values, int len) {
        bytes += 8L * len;
    }

    @Override
    public void xdrEncodeByteVector(byte[] values) {
        bytes += 4 + 4L * values.length;
    }

    @Override
    public void xdrEncodeByteFixedVector(byte[] values, int len) {
        bytes += 4L * len;
    }

    @Override
    public void xdrEncodeByte(byte value) {
        bytes += 4;
    }

    @Override
    public void xdrEncodeShort(short value) {
        bytes += 4;
    }

    @Override
    public void xdrEncodeShortVector(short[] values) {
        bytes += 4 + 4L * values.length;
    }

    @Override
    public void xdrEncodeShortFixedVector(short[] values, int len) {
        bytes += 4L * len;
    }
}
