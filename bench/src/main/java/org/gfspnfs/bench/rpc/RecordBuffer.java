package org.gfspnfs.bench.rpc;

import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A direct buffer that one large reply record is read into, shared by the connection's reader and the results that
 * keep views of it (READ data), and given back to its {@link Pool} when the last of them lets go.
 */
final class RecordBuffer {
    private final ByteBuffer buffer;
    private final Pool pool;
    private final AtomicInteger holds = new AtomicInteger();

    private RecordBuffer(int capacity, Pool pool) {
        this.buffer = ByteBuffer.allocateDirect(capacity);
        this.pool = pool;
    }

    ByteBuffer buffer() {
        return buffer;
    }

    /** Another hold on the buffer, as a release that runs once however often it is called. */
    Runnable retain() {
        holds.incrementAndGet();
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                release();
            }
        };
    }

    /** Drops one hold; the last one returns the buffer to its pool. */
    void release() {
        int left = holds.decrementAndGet();
        if (left == 0) {
            pool.give(this);
        } else if (left < 0) {
            throw new IllegalStateException("record buffer released more often than held");
        }
    }

    /**
     * Buffers of one capacity. A READ's data stays in its buffer until the workload has checked it, so a connection
     * with N reads in flight uses about N + 1; up to {@code keep} are kept for reuse (a fresh direct buffer is
     * zeroed memory the collector only frees late), more are left to the collector.
     */
    static final class Pool {
        private final int capacity;
        private final int keep;
        private final ConcurrentLinkedQueue<RecordBuffer> free = new ConcurrentLinkedQueue<>();
        private final AtomicInteger kept = new AtomicInteger();
        private final AtomicInteger allocated = new AtomicInteger();

        Pool(int capacity, int keep) {
            this.capacity = capacity;
            this.keep = keep;
        }

        /** Buffers allocated so far (taken and not found in the pool). */
        int allocated() {
            return allocated.get();
        }

        /** A buffer with one hold (the taker's), cleared. */
        RecordBuffer take() {
            RecordBuffer b = free.poll();
            if (b == null) {
                b = new RecordBuffer(capacity, this);
                allocated.incrementAndGet();
            } else {
                kept.decrementAndGet();
            }
            b.holds.set(1);
            b.buffer.clear();
            return b;
        }

        private void give(RecordBuffer b) {
            if (kept.incrementAndGet() <= keep) {
                free.add(b);
            } else {
                kept.decrementAndGet();
            }
        }
    }
}
