package org.gfspnfs.gfs.device;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Passes everything through; the next flush after {@link #pauseNextFlush} waits until {@link #release}. Records
 * {@code "flush"} for every flush (once it goes on) and {@code "write"} for every write at or after
 * {@code recordWritesFrom}, in order. Closing it leaves the device it wraps open: the test closes that.
 */
public final class FlushPausingDevice extends ForwardingBlockDevice {
    private final long recordWritesFrom;
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final CountDownLatch paused = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean pauseNext;

    public FlushPausingDevice(BlockDevice inner, long recordWritesFrom) {
        super(inner);
        this.recordWritesFrom = recordWritesFrom;
    }

    public void pauseNextFlush() {
        pauseNext = true;
    }

    /** Whether the paused flush was reached within 10 s. */
    public boolean flushPaused() throws InterruptedException {
        return paused.await(10, TimeUnit.SECONDS);
    }

    public void release() {
        release.countDown();
    }

    /** What reached the device so far ({@code "write"}, {@code "flush"}); clear it to start over. */
    public List<String> events() {
        return events;
    }

    @Override
    public void write(long offset, ByteBuffer src) throws IOException {
        if (offset >= recordWritesFrom) {
            events.add("write");
        }
        super.write(offset, src);
    }

    @Override
    public void flush() throws IOException {
        if (pauseNext) {
            pauseNext = false;
            paused.countDown();
            try {
                if (!release.await(30, TimeUnit.SECONDS)) {
                    throw new IOException("the test never released the flush");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
        events.add("flush");
        super.flush();
    }

    @Override
    public void close() {
        // the test closes the device it wraps
    }
}
