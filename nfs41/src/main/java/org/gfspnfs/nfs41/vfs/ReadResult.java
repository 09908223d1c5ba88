package org.gfspnfs.nfs41.vfs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

import org.gfspnfs.nfs41.status.IoException;

/**
 * Bytes read and whether they reach the end of the file (RFC 8881 section 18.22): either a buffer (its remaining
 * bytes), which the engine sends without copying, so the filesystem hands over a buffer it no longer uses and
 * {@code onSent}, when not null, runs once the transport has written it (a {@link ReadBufferPool} takes it back);
 * or a {@link ReadPayload} the transport sends from where the bytes lie.
 */
public final class ReadResult {
    private ByteBuffer data;
    private final boolean eof;
    private final Runnable onSent;
    private ReadPayload payload;

    public ReadResult(ByteBuffer data, boolean eof, Runnable onSent) {
        this.data = data;
        this.eof = eof;
        this.onSent = onSent;
    }

    public ReadResult(ByteBuffer data, boolean eof) {
        this(data, eof, null);
    }

    public ReadResult(byte[] data, boolean eof) {
        this(ByteBuffer.wrap(data), eof, null);
    }

    private ReadResult(ReadPayload payload, boolean eof) {
        this.payload = payload;
        this.eof = eof;
        this.onSent = null;
    }

    /** A result whose bytes the transport sends from where they lie; released once sent or abandoned. */
    public static ReadResult mapped(ReadPayload payload, boolean eof) {
        return new ReadResult(payload, eof);
    }

    public boolean eof() {
        return eof;
    }

    /** The payload left in place, or null for a result in a buffer. */
    public ReadPayload payload() {
        return payload;
    }

    /** The bytes as a buffer; a payload left in place is copied into one (and released) on the first call. */
    public ByteBuffer data() {
        if (payload != null) {
            try {
                data = ByteBuffer.wrap(takePayload());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return data;
    }

    /** The payload's bytes in an array of their own; the payload is released and this result no longer has it. */
    private byte[] takePayload() throws IOException {
        ReadPayload p = payload;
        payload = null;
        try {
            byte[] copy = new byte[p.length()];
            p.copyTo(ByteBuffer.wrap(copy));
            return copy;
        } finally {
            p.release();
        }
    }

    /** Runs once the buffer has been written, or null. */
    public Runnable onSent() {
        return onSent;
    }

    /** Bytes read. */
    public int length() {
        return payload != null ? payload.length() : data.remaining();
    }

    /**
     * The same bytes in a heap buffer of their own, the pooled buffer or the payload given back now: for a reply
     * the session caches, which may be encoded again after the transport has written (and released) the original.
     */
    public ReadResult detached() throws IoException {
        if (payload != null) {
            try {
                return new ReadResult(takePayload(), eof);
            } catch (IOException e) {
                throw new IoException("reading file data: " + e.getMessage(), e);
            }
        }
        if (onSent == null) {
            return this;
        }
        ReadResult copy = new ReadResult(bytes(), eof);
        onSent.run();
        return copy;
    }

    /** A copy of the bytes read (for callers that need an array). */
    public byte[] bytes() {
        ByteBuffer d = data();
        byte[] out = new byte[d.remaining()];
        d.duplicate().get(out);
        return out;
    }
}
