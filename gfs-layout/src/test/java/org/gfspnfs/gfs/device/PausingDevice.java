package org.gfspnfs.gfs.device;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Passes everything through, except one call a test holds: the next flush after {@link #pauseNextFlush}, or the
 * read of {@code length} bytes at {@code offset} after {@link #pauseReadAt}; it waits until {@link #release}.
 * Records {@code "flush"} for every flush (once it goes on) and {@code "write"} for every write at or after
 * {@code recordWritesFrom}, in order. Closing it leaves the device it wraps open: the test closes that.
 */
public final class PausingDevice extends ForwardingBlockDevice {
    private final long recordWritesFrom;
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final CountDownLatch paused = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean pauseNextFlush;
    private volatile long pauseReadAt = -1;
    private volatile int pauseReadLength;

    public PausingDevice(BlockDevice inner, long recordWritesFrom) {
        super(inner);
        this.recordWritesFrom = recordWritesFrom;
    }

    /** A device that records nothing. */
    public PausingDevice(BlockDevice inner) {
        this(inner, Long.MAX_VALUE);
    }

    public void pauseNextFlush() {
        pauseNextFlush = true;
    }

    public void pauseReadAt(long offset, int length) {
        pauseReadLength = length;
        pauseReadAt = offset;
    }

    /** Whether the held call was reached within 10 s. */
    public boolean paused() throws InterruptedException {
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
    public void read(long offset, ByteBuffer dst) throws IOException {
        if (offset == pauseReadAt && dst.remaining() == pauseReadLength) {
            hold();
        }
        super.read(offset, dst);
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
        if (pauseNextFlush) {
            pauseNextFlush = false;
            hold();
        }
        events.add("flush");
        super.flush();
    }

    @Override
    public void close() {
        // the test closes the device it wraps
    }

    private void hold() throws IOException {
        paused.countDown();
        try {
            if (!release.await(30, TimeUnit.SECONDS)) {
                throw new IOException("the test never released the held call");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
