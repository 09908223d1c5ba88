package org.gfspnfs.nfs41.xdr;

import java.nio.charset.StandardCharsets;

import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * The parts of an {@link XdrEncodingStream} that are the same for every encoder: vectors, strings, booleans, floats,
 * and bytes and shorts widened to ints, all as oncrpc4j's {@code Xdr} writes them (RFC 4506), in terms of the ints,
 * hypers and opaques a subclass writes where it writes them.
 */
public abstract class XdrEncoder implements XdrEncodingStream {

    /** As oncrpc4j: a fixed-length vector must have exactly the protocol's length. */
    private static void fixed(int actual, int len) {
        if (actual != len) {
            throw new IllegalArgumentException("array size does not match protocol specification");
        }
    }

    /** Nothing to set up: a subclass with state to reset overrides it. */
    @Override
    public void beginEncoding() {
    }

    @Override
    public void endEncoding() {
    }

    @Override
    public void xdrEncodeLong(long v) {
        xdrEncodeInt((int) (v >>> 32));
        xdrEncodeInt((int) v);
    }

    @Override
    public void xdrEncodeOpaque(byte[] opaque, int len) {
        xdrEncodeOpaque(opaque, 0, len);
    }

    @Override
    public void xdrEncodeDynamicOpaque(byte[] opaque) {
        xdrEncodeInt(opaque.length);
        xdrEncodeOpaque(opaque, 0, opaque.length);
    }

    @Override
    public void xdrEncodeIntVector(int[] values) {
        xdrEncodeInt(values.length);
        xdrEncodeIntFixedVector(values, values.length);
    }

    @Override
    public void xdrEncodeIntFixedVector(int[] values, int len) {
        fixed(values.length, len);
        for (int i = 0; i < len; i++) {
            xdrEncodeInt(values[i]);
        }
    }

    @Override
    public void xdrEncodeBoolean(boolean value) {
        xdrEncodeInt(value ? 1 : 0);
    }

    @Override
    public void xdrEncodeString(String string) {
        xdrEncodeDynamicOpaque(string == null ? new byte[0] : string.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void xdrEncodeLongVector(long[] values) {
        xdrEncodeInt(values.length);
        xdrEncodeLongFixedVector(values, values.length);
    }

    @Override
    public void xdrEncodeLongFixedVector(long[] values, int len) {
        fixed(values.length, len);
        for (int i = 0; i < len; i++) {
            xdrEncodeLong(values[i]);
        }
    }

    @Override
    public void xdrEncodeFloat(float value) {
        xdrEncodeInt(Float.floatToIntBits(value));
    }

    @Override
    public void xdrEncodeDouble(double value) {
        xdrEncodeLong(Double.doubleToLongBits(value));
    }

    @Override
    public void xdrEncodeFloatVector(float[] values) {
        xdrEncodeInt(values.length);
        xdrEncodeFloatFixedVector(values, values.length);
    }

    @Override
    public void xdrEncodeFloatFixedVector(float[] values, int len) {
        fixed(values.length, len);
        for (int i = 0; i < len; i++) {
            xdrEncodeFloat(values[i]);
        }
    }

    @Override
    public void xdrEncodeDoubleVector(double[] values) {
        xdrEncodeInt(values.length);
        xdrEncodeDoubleFixedVector(values, values.length);
    }

    @Override
    public void xdrEncodeDoubleFixedVector(double[] values, int len) {
        fixed(values.length, len);
        for (int i = 0; i < len; i++) {
            xdrEncodeDouble(values[i]);
        }
    }

    @Override
    public void xdrEncodeByteVector(byte[] values) {
        xdrEncodeInt(values.length);
        xdrEncodeByteFixedVector(values, values.length);
    }

    @Override
    public void xdrEncodeByteFixedVector(byte[] values, int len) {
        fixed(values.length, len);
        for (int i = 0; i < len; i++) {
            xdrEncodeInt(values[i]);
        }
    }

    @Override
    public void xdrEncodeByte(byte value) {
        xdrEncodeInt(value);
    }

    @Override
    public void xdrEncodeShort(short value) {
        xdrEncodeInt(value);
    }

    @Override
    public void xdrEncodeShortVector(short[] values) {
        xdrEncodeInt(values.length);
        xdrEncodeShortFixedVector(values, values.length);
    }

    @Override
    public void xdrEncodeShortFixedVector(short[] values, int len) {
        fixed(values.length, len);
        for (int i = 0; i < len; i++) {
            xdrEncodeInt(values[i]);
        }
    }
}
