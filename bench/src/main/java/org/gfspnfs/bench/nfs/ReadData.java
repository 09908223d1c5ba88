package org.gfspnfs.bench.nfs;

import java.nio.ByteBuffer;

/**
 * What a READ returned: {@code bytes} may be a view of the reply buffer it arrived in, readable until
 * {@link #release()} gives that buffer back to the connection.
 */
public record ReadData(ByteBuffer bytes, Runnable releaser) {

    /** Bytes read (fewer than asked at end of file). */
    public int length() {
        return bytes.remaining();
    }

    public void release() {
        releaser.run();
    }
}
