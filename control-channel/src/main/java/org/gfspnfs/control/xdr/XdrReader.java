package org.gfspnfs.control.xdr;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/**
 * Bounded XDR decoding (RFC 4506). Unlike the raw stream, which allocates whatever length a peer claims, every
 * variable-length item has a limit checked before allocation, lists grow element by element, and every failure is an
 * {@link XdrFormatException}.
 */
public final class XdrReader {
    /** Longest string any control-channel type carries (names, messages, addresses). */
    public static final int MAX_STRING = 4096;
    /** Longest opaque (LVB, filehandle, stateid). */
    public static final int MAX_OPAQUE = 1024;
    /** Most elements in one list; a reply with more is cut by the server, never sent. */
    public static final int MAX_LIST = 1 << 20;

    private final XdrDecodingStream in;

    public XdrReader(XdrDecodingStream in) {
        this.in = in;
    }

    /** True while undecoded bytes remain (only known when reading an oncrpc4j {@code Xdr}). */
    public boolean hasMore() {
        return in instanceof org.dcache.oncrpc4j.xdr.Xdr xdr && xdr.hasMoreData();
    }

    public int int32() throws XdrFormatException {
        try {
            return in.xdrDecodeInt();
        } catch (IOException | RuntimeException e) {
            throw new XdrFormatException("truncated XDR", e);
        }
    }

    public long hyper() throws XdrFormatException {
        try {
            return in.xdrDecodeLong();
        } catch (IOException | RuntimeException e) {
            throw new XdrFormatException("truncated XDR", e);
        }
    }

    public boolean bool() throws XdrFormatException {
        int v = int32();
        if (v != 0 && v != 1) {
            throw new XdrFormatException("bool out of range: " + v);
        }
        return v == 1;
    }

    public byte[] fixedOpaque(int length) throws XdrFormatException {
        try {
            return in.xdrDecodeOpaque(length);
        } catch (IOException | RuntimeException e) {
            throw new XdrFormatException("truncated opaque", e);
        }
    }

    public byte[] opaque(int max) throws XdrFormatException {
        return fixedOpaque(length(Math.min(max, MAX_OPAQUE), "opaque"));
    }

    public String string() throws XdrFormatException {
        return string(MAX_STRING);
    }

    public String string(int max) throws XdrFormatException {
        byte[] bytes = fixedOpaque(length(Math.min(max, MAX_STRING), "string"));
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new XdrFormatException("string is not UTF-8", e);
        }
    }

    public <E extends Enum<E>> E enumOf(Class<E> type) throws XdrFormatException {
        int ordinal = int32();
        E[] values = type.getEnumConstants();
        if (ordinal < 0 || ordinal >= values.length) {
            throw new XdrFormatException(type.getSimpleName() + " out of range: " + ordinal);
        }
        return values[ordinal];
    }

    public <T> List<T> list(XdrCodec<T> element) throws IOException {
        return list(element, MAX_LIST);
    }

    /** A list of at most {@code max} elements (and never more than {@link #MAX_LIST}). */
    public <T> List<T> list(XdrCodec<T> element, int max) throws IOException {
        int n = length(Math.min(max, MAX_LIST), "list");
        List<T> out = new ArrayList<>(Math.min(n, 64));
        for (int i = 0; i < n; i++) {
            out.add(element.decode(this));
        }
        return out;
    }

    public List<Integer> intList() throws XdrFormatException {
        int n = length(MAX_LIST, "list");
        List<Integer> out = new ArrayList<>(Math.min(n, 64));
        for (int i = 0; i < n; i++) {
            out.add(int32());
        }
        return out;
    }

    /** An instant as hyper milliseconds since the epoch. */
    public Instant instant() throws XdrFormatException {
        return Instant.ofEpochMilli(hyper());
    }

    /** An optional instant: bool present, then the instant; null when absent. */
    public Instant optionalInstant() throws XdrFormatException {
        return bool() ? instant() : null;
    }

    public Duration millis() throws XdrFormatException {
        long ms = hyper();
        if (ms < 0) {
            throw new XdrFormatException("negative duration");
        }
        return Duration.ofMillis(ms);
    }

    private int length(int max, String what) throws XdrFormatException {
        int n = int32();
        if (n < 0 || n > max) {
            throw new XdrFormatException(what + " length " + Integer.toUnsignedString(n) + " exceeds " + max);
        }
        return n;
    }
}
