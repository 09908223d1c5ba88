package org.gfspnfs.gfs.device;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Starts writing data back while more of it arrives: once {@code threshold} bytes have been written since the last
 * flush began, it flushes the device on a background thread (the kernel's dirty-page writeback, started early).
 * A client streaming a file into the server then finds most of it on the disk by its COMMIT, which waits for the
 * rest instead of for the whole file: the network transfer and the disk's work overlap instead of taking turns.
 *
 * <p>A background flush goes through the device below like any other, so a fence gate under this device stops it
 * too. A background flush that fails is reported by the next {@link #flush()}: an fsync error is reported once per
 * open file, so had only the background thread seen it, the COMMIT that waits for the same data could succeed.
 * For the same reason {@link #flush()} waits for a background flush still running before it returns. Closing
 * closes the device below; the flusher belongs to whoever passed it in.
 */
public final class WriteBehindDevice extends ForwardingBlockDevice {
    private final long threshold;
    private final Executor flusher;
    private final AtomicLong unflushed = new AtomicLong();
    private final AtomicBoolean flushing = new AtomicBoolean();
    /** Held by a background flush while it runs; {@link #flush()} takes it to wait for one. */
    private final Object running = new Object();
    private IOException failure;

    /**
     * @param threshold bytes written after which a background flush starts (one at a time)
     * @param flusher   runs the background flushes; a rejected one is simply not run
     */
    public WriteBehindDevice(BlockDevice device, long threshold, Executor flusher) {
        super(device);
        if (threshold <= 0) {
            throw new IllegalArgumentException("write-behind threshold must be positive: " + threshold);
        }
        this.threshold = threshold;
        this.flusher = flusher;
    }

    @Override
    public void write(long offset, ByteBuffer src) throws IOException {
        int n = src.remaining();
        device().write(offset, src);
        if (unflushed.addAndGet(n) >= threshold && flushing.compareAndSet(false, true)) {
            unflushed.set(0);
            try {
                flusher.execute(this::flushBehind);
            } catch (RejectedExecutionException shuttingDown) {
                flushing.set(false);
            }
        }
    }

    private void flushBehind() {
        try {
            synchronized (running) {
                try {
                    device().flush();
                } catch (IOException e) {
                    if (failure == null) {
                        failure = e;
                    }
                }
            }
        } finally {
            flushing.set(false);
        }
    }

    /** Every write that returned before this call is durable when it returns, or this throws. */
    @Override
    public void flush() throws IOException {
        device().flush();
        IOException failed;
        synchronized (running) {
            failed = failure;
            failure = null;
        }
        if (failed != null) {
            throw new IOException("a background flush of written data failed: " + failed.getMessage(), failed);
        }
    }
}
