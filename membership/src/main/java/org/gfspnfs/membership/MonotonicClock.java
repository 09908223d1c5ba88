package org.gfspnfs.membership;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that never jumps: the wall time at creation advanced by {@link System#nanoTime()}. Leases and watchdog
 * deadlines are measured with it, so an NTP step or an admin's {@code date -s} can neither extend a fenced node's
 * write lease nor fire a watchdog early (sbd measures its timeouts the same way, on the monotonic clock).
 */
public final class MonotonicClock extends Clock {
    private final long originMillis;
    private final long originNanos;

    public MonotonicClock() {
        this(System.currentTimeMillis(), System.nanoTime());
    }

    private MonotonicClock(long originMillis, long originNanos) {
        this.originMillis = originMillis;
        this.originNanos = originNanos;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (zone.equals(ZoneOffset.UTC)) {
            return this;
        }
        throw new UnsupportedOperationException("a monotonic clock keeps UTC");
    }

    @Override
    public long millis() {
        return originMillis + (System.nanoTime() - originNanos) / 1_000_000L;
    }

    @Override
    public Instant instant() {
        long nanos = System.nanoTime() - originNanos;
        return Instant.ofEpochMilli(originMillis).plusNanos(nanos);
    }
}
