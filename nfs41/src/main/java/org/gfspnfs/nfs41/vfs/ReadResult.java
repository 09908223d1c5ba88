package org.gfspnfs.nfs41.vfs;

import java.nio.ByteBuffer;

/**
 * Bytes read (the buffer's remaining bytes) and whether they reach the end of the file (RFC 8881 section 18.22).
 * The engine sends the buffer without copying it, so the filesystem hands over a buffer it no longer uses;
 * {@code onSent}, when not null, runs once the transport has written it (a {@link ReadBufferPool} takes it back).
 */
public record ReadResult(ByteBuffer data, boolean eof, Runnable onSent) {
    public ReadResult(ByteBuffer data, boolean eof) {
        this(data, eof, null);
    }

    public ReadResult(byte[] data, boolean eof) {
        this(ByteBuffer.wrap(data), eof, null);
    }

    /** Bytes read. */
    public int length() {
        return data.remaining();
    }

    /**
     * The same bytes in a heap buffer of their own, the pooled one given back now: for a reply the session caches,
     * which may be encoded again after the transport has written (and released) the original.
     */
    public ReadResult detached() {
        if (onSent == null) {
            return this;
        }
        ReadResult copy = new ReadResult(bytes(), eof);
        onSent.run();
        return copy;
    }

    /** A copy of the bytes read (for callers that need an array). */
    public byte[] bytes() {
        byte[] out = new byte[data.remaining()];
        data.duplicate().get(out);
        return out;
    }
}
