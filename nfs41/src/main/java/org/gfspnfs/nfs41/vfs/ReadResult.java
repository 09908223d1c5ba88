package org.gfspnfs.nfs41.vfs;

import java.nio.ByteBuffer;

/**
 * Bytes read (the buffer's remaining bytes) and whether they reach the end of the file (RFC 8881 section 18.22).
 * The engine sends the buffer without copying it, so the filesystem hands over a buffer it no longer uses.
 */
public record ReadResult(ByteBuffer data, boolean eof) {
    public ReadResult(byte[] data, boolean eof) {
        this(ByteBuffer.wrap(data), eof);
    }

    /** Bytes read. */
    public int length() {
        return data.remaining();
    }

    /** A copy of the bytes read (for callers that need an array). */
    public byte[] bytes() {
        byte[] out = new byte[data.remaining()];
        data.duplicate().get(out);
        return out;
    }
}
