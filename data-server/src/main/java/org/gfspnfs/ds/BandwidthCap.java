package org.gfspnfs.ds;

import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * A token bucket standing in for a data server's network interface, for scale-out simulations on one machine
 * (issue 5: "a per-DS bandwidth cap"): bytes pass at {@code bytesPerSecond}, and an idle link banks at most
 * {@code burstBytes} of credit. A request waits until its bytes have gone through, as a request on a saturated NIC
 * does, so the requests of all clients of one data server share the rate. Off by default ({@link #OFF}).
 */
final class BandwidthCap {
    /** No cap: never waits. */
    static final BandwidthCap OFF = new BandwidthCap(0, 0, System::nanoTime);

    private final double nanosPerByte;
    private final long burstNanos;
    private final LongSupplier nanoTime;
    private long nextFree;
    private boolean started;

    /** {@code bytesPerSecond} 0 means no cap; {@code nanoTime} is the monotonic clock ({@code System::nanoTime}). */
    BandwidthCap(long bytesPerSecond, long burstBytes, LongSupplier nanoTime) {
        if (bytesPerSecond < 0 || burstBytes < 0) {
            throw new IllegalArgumentException("bandwidth cap and burst must not be negative");
        }
        this.nanosPerByte = bytesPerSecond == 0 ? 0 : 1e9 / bytesPerSecond;
        this.burstNanos = (long) (burstBytes * nanosPerByte);
        this.nanoTime = nanoTime;
    }

    boolean isOff() {
        return nanosPerByte == 0;
    }

    /**
     * Books {@code bytes} on the link; returns how many nanoseconds from now they will have gone through (0 when
     * the banked credit covers them).
     */
    synchronized long reserve(long bytes) {
        if (isOff()) {
            return 0;
        }
        long now = nanoTime.getAsLong();
        if (!started) {
            nextFree = now;
            started = true;
        }
        long start = Math.max(nextFree, now - burstNanos);
        nextFree = start + (long) (bytes * nanosPerByte);
        return Math.max(0, nextFree - now);
    }

    /** Books {@code bytes} and waits until they have gone through. */
    void pass(long bytes) {
        long wait = reserve(bytes);
        if (wait <= 0) {
            return;
        }
        long deadline = nanoTime.getAsLong() + wait;
        for (long left = wait; left > 0; left = deadline - nanoTime.getAsLong()) {
            LockSupport.parkNanos(left);
        }
    }
}
