package org.gfspnfs.dlm.net.msg;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import org.gfspnfs.dlm.api.LockMode;
import org.gfspnfs.dlm.api.ResourceName;

/** Encoding helpers shared by the message classes; every reader validates what it reads. */
public final class Wire {
    private static final LockMode[] MODES = LockMode.values();

    private Wire() {
    }

    public static void writeString(ByteBuf out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length > 255) {
            throw new IllegalArgumentException("string too long for the wire: " + s);
        }
        out.writeByte(b.length);
        out.writeBytes(b);
    }

    public static String readString(ByteBuf in) {
        int n = in.readUnsignedByte();
        return in.readCharSequence(n, StandardCharsets.UTF_8).toString();
    }

    public static void writeName(ByteBuf out, ResourceName name) {
        out.writeByte(name.length());
        out.writeBytes(name.bytes());
    }

    public static ResourceName readName(ByteBuf in) {
        int n = in.readUnsignedByte();
        if (n == 0 || n > ResourceName.MAX_LENGTH) {
            throw new MalformedMessageException("resource name length " + n);
        }
        byte[] b = new byte[n];
        in.readBytes(b);
        return ResourceName.of(b);
    }

    /** A nullable mode. */
    public static void writeMode(ByteBuf out, LockMode mode) {
        out.writeByte(mode == null ? -1 : mode.ordinal());
    }

    public static LockMode readMode(ByteBuf in) {
        int m = in.readByte();
        if (m == -1) {
            return null;
        }
        if (m < 0 || m >= MODES.length) {
            throw new MalformedMessageException("lock mode " + m);
        }
        return MODES[m];
    }

    /** A nullable byte array of at most 64 bytes (a value block). */
    public static void writeBytes(ByteBuf out, byte[] b) {
        out.writeByte(b == null ? -1 : b.length);
        if (b != null) {
            out.writeBytes(b);
        }
    }

    public static byte[] readBytes(ByteBuf in) {
        int n = in.readByte();
        if (n == -1) {
            return null;
        }
        if (n < 0 || n > 64) {
            throw new MalformedMessageException("value block length " + n);
        }
        byte[] b = new byte[n];
        in.readBytes(b);
        return b;
    }

    public static int readCount(ByteBuf in, int max) {
        int n = in.readInt();
        if (n < 0 || n > max) {
            throw new MalformedMessageException("count " + n);
        }
        return n;
    }

    public static <E extends Enum<E>> E readEnum(ByteBuf in, E[] values) {
        int i = in.readUnsignedByte();
        if (i >= values.length) {
            throw new MalformedMessageException("enum ordinal " + i + " of " + values[0].getDeclaringClass());
        }
        return values[i];
    }
}
