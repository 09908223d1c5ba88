package org.gfspnfs.control.xdr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** The encoding side of {@link XdrReader}: same conventions (UTF-8 strings, hyper millis, optional = bool + value). */
public final class XdrWriter {
    private XdrWriter() {
    }

    public static void string(XdrEncodingStream out, String s) {
        byte[] bytes = (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
        out.xdrEncodeDynamicOpaque(bytes);
    }

    public static void bool(XdrEncodingStream out, boolean b) {
        out.xdrEncodeBoolean(b);
    }

    public static void instant(XdrEncodingStream out, Instant t) {
        out.xdrEncodeLong(t.toEpochMilli());
    }

    public static void optionalInstant(XdrEncodingStream out, Instant t) {
        out.xdrEncodeBoolean(t != null);
        if (t != null) {
            instant(out, t);
        }
    }

    public static void millis(XdrEncodingStream out, Duration d) {
        out.xdrEncodeLong(Math.max(0, d.toMillis()));
    }

    public static void enumOf(XdrEncodingStream out, Enum<?> e) {
        out.xdrEncodeInt(e.ordinal());
    }

    public static <T> void list(XdrEncodingStream out, List<T> items, XdrCodec<T> element) throws IOException {
        out.xdrEncodeInt(items.size());
        for (T item : items) {
            element.encode(out, item);
        }
    }

    public static void intList(XdrEncodingStream out, List<Integer> items) {
        out.xdrEncodeInt(items.size());
        for (int i : items) {
            out.xdrEncodeInt(i);
        }
    }
}
