package org.gfspnfs.nfs41.vfs;

import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Direct buffers for READ replies, reused once the transport has written them: the device reads straight into one
 * and the socket writes straight from it, with no copy through the heap and no direct memory left for a full GC to
 * reclaim. At most {@code maxBuffers} are ever created; beyond that (or for a size above the pool's) a plain heap
 * buffer is handed out. A buffer taken with {@link #acquire} is zeroed first (holes read as zeros, and no byte of an
 * earlier reply, of any file, can show through); one taken with {@link #acquireToFill} is not, for a reader that
 * writes every byte itself (zeros where it reads none, {@link #zero}): a READ then costs one pass over its bytes
 * fewer.
 *
 * <p>A pooled buffer comes back through the {@link ReadResult#onSent} of the result it travels in; one whose reply
 * is never written (a connection lost first) is simply not reused.
 */
public final class ReadBufferPool {
    private static final int ZERO_CHUNK = 64 * 1024;
    /** Default buffer size: the engine's default maxread; larger READs use the heap. */
    public static final int DEFAULT_BUFFER_SIZE = 1 << 20;
    /** Default number of buffers: as many READs in flight as two full client sessions. */
    public static final int DEFAULT_BUFFERS = 128;

    private final int bufferSize;
    private final int maxBuffers;
    private final ConcurrentLinkedQueue<ByteBuffer> free = new ConcurrentLinkedQueue<>();
    private final AtomicInteger created = new AtomicInteger();
    private final ByteBuffer zeros = ByteBuffer.allocateDirect(ZERO_CHUNK).asReadOnlyBuffer();

    /** A pool of {@link #DEFAULT_BUFFERS} buffers of {@link #DEFAULT_BUFFER_SIZE}. */
    public ReadBufferPool() {
        this(DEFAULT_BUFFER_SIZE, DEFAULT_BUFFERS);
    }

    public ReadBufferPool(int bufferSize, int maxBuffers) {
        if (bufferSize <= 0 || maxBuffers < 0) {
            throw new IllegalArgumentException("buffer size " + bufferSize + ", max buffers " + maxBuffers);
        }
        this.bufferSize = bufferSize;
        this.maxBuffers = maxBuffers;
    }

    /** A zeroed buffer of {@code size} bytes (position 0, limit size), pooled when the pool can serve it. */
    public ByteBuffer acquire(int size) {
        ByteBuffer b = acquireToFill(size);
        if (pooled(b)) {
            zero(b, 0, size);   // a heap buffer is fresh, hence zeroed
        }
        return b;
    }

    /**
     * A buffer of {@code size} bytes (position 0, limit size) whose contents are whatever a previous READ left: the
     * caller must write every byte of it before the buffer is sent (reads, and {@link #zero} for the rest).
     */
    public ByteBuffer acquireToFill(int size) {
        if (size > bufferSize) {
            return ByteBuffer.allocate(size);
        }
        ByteBuffer b = free.poll();
        if (b == null) {
            if (created.incrementAndGet() > maxBuffers) {
                created.decrementAndGet();
                return ByteBuffer.allocate(size);
            }
            b = ByteBuffer.allocateDirect(bufferSize);
        }
        return b.clear().limit(size);
    }

    /** Writes zeros into bytes {@code [from, to)} of {@code b} (absolute indexes; position and limit unchanged). */
    public void zero(ByteBuffer b, int from, int to) {
        for (int at = from; at < to; at += ZERO_CHUNK) {
            int n = Math.min(ZERO_CHUNK, to - at);
            b.put(at, zeros, 0, n);
        }
    }

    /** The result of a read into {@code b} (from {@link #acquire}): sent without a copy, then given back. */
    public ReadResult result(ByteBuffer b, boolean eof) {
        return pooled(b) ? new ReadResult(b, eof, () -> release(b)) : new ReadResult(b, eof);
    }

    /** Gives back a buffer {@link #acquire} handed out (a read that failed); anything else is ignored. */
    public void release(ByteBuffer b) {
        if (pooled(b)) {
            free.offer(b);
        }
    }

    /** Buffers created so far (tests: the pool reuses instead of growing). */
    public int created() {
        return created.get();
    }

    /** Pooled buffers are the only direct ones of the pool's size this pool hands out. */
    private boolean pooled(ByteBuffer b) {
        return b.isDirect() && b.capacity() == bufferSize;
    }
}
