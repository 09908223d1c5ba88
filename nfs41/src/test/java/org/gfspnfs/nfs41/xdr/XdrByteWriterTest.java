package org.gfspnfs.nfs41.xdr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

import org.dcache.oncrpc4j.xdr.Xdr;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;
import org.junit.jupiter.api.Test;

/** The array writer puts on the wire exactly what oncrpc4j's {@code Xdr} does, call by call. */
class XdrByteWriterTest {
    @FunctionalInterface
    interface Call {
        void on(XdrEncodingStream x) throws IOException;
    }

    @Test
    void everyCall_encodesAsOncrpc4jDoes() throws IOException {
        Map<String, Call> calls = new LinkedHashMap<>();
        calls.put("int", x -> x.xdrEncodeInt(-123456789));
        calls.put("intVector", x -> x.xdrEncodeIntVector(new int[] {1, -2, 3}));
        calls.put("intFixedVector", x -> x.xdrEncodeIntFixedVector(new int[] {7, 8, 9}, 3));
        calls.put("dynamicOpaque 5", x -> x.xdrEncodeDynamicOpaque(new byte[] {1, 2, 3, 4, 5}));
        calls.put("dynamicOpaque 0", x -> x.xdrEncodeDynamicOpaque(new byte[0]));
        calls.put("opaque", x -> x.xdrEncodeOpaque(new byte[] {9, 8, 7, 6, 5, 4}, 6));
        calls.put("opaque off", x -> x.xdrEncodeOpaque(new byte[] {9, 8, 7, 6, 5, 4}, 1, 3));
        calls.put("boolean", x -> {
            x.xdrEncodeBoolean(true);
            x.xdrEncodeBoolean(false);
        });
        calls.put("string", x -> x.xdrEncodeString("grüße@example"));
        calls.put("long", x -> x.xdrEncodeLong(0x0123456789ABCDEFL));
        calls.put("longVector", x -> x.xdrEncodeLongVector(new long[] {-1, 2}));
        calls.put("longFixedVector", x -> x.xdrEncodeLongFixedVector(new long[] {5, 6, 7}, 3));
        calls.put("byteBuffer", x -> x.xdrEncodeByteBuffer(ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5, 6, 7})));
        calls.put("float", x -> x.xdrEncodeFloat(1.5f));
        calls.put("double", x -> x.xdrEncodeDouble(-2.25));
        calls.put("floatVector", x -> x.xdrEncodeFloatVector(new float[] {1f, 2f}));
        calls.put("doubleVector", x -> x.xdrEncodeDoubleVector(new double[] {3d}));
        calls.put("byte", x -> x.xdrEncodeByte((byte) -3));
        calls.put("byteVector", x -> x.xdrEncodeByteVector(new byte[] {1, -1, 2}));
        calls.put("byteFixedVector", x -> x.xdrEncodeByteFixedVector(new byte[] {1, -1, 2}, 3));
        calls.put("short", x -> x.xdrEncodeShort((short) -300));
        calls.put("shortVector", x -> x.xdrEncodeShortVector(new short[] {1, -1}));
        calls.put("shortFixedVector", x -> x.xdrEncodeShortFixedVector(new short[] {4, 5, 6}, 3));
        for (Map.Entry<String, Call> c : calls.entrySet()) {
            assertThat(mine(c.getValue())).as(c.getKey()).isEqualTo(oncrpc4j(c.getValue()));
        }
    }

    @Test
    void aFixedVectorOfTheWrongLength_isRefusedLikeOncrpc4jRefusesIt() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new XdrByteWriter().xdrEncodeIntFixedVector(
                new int[] {1, 2}, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void growsPastItsInitialSize_andAByteBufferKeepsItsPosition() {
        XdrByteWriter w = new XdrByteWriter(16);
        byte[] big = new byte[1001];
        big[1000] = 42;
        w.xdrEncodeDynamicOpaque(big);
        ByteBuffer b = ByteBuffer.wrap(new byte[] {1, 2, 3});
        w.xdrEncodeByteBuffer(b);
        byte[] out = w.toByteArray();
        assertThat(out).hasSize(4 + 1004 + 4 + 4);
        assertThat(out[4 + 1000]).isEqualTo((byte) 42);
        assertThat(b.position()).isZero();
    }

    private static byte[] mine(Call c) throws IOException {
        XdrByteWriter w = new XdrByteWriter(16);
        w.beginEncoding();
        c.on(w);
        w.endEncoding();
        return w.toByteArray();
    }

    private static byte[] oncrpc4j(Call c) throws IOException {
        try (Xdr x = new Xdr(64)) {
            x.beginEncoding();
            c.on(x);
            x.endEncoding();
            return x.getBytes();
        }
    }
}
