package org.gfspnfs.membership.sbd;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The one door every write to shared storage goes through on this node. It is open only while three things hold:
 * the node has not been condemned (self-fence or poison pill), this partition is quorate, and the
 * {@link SelfFenceWatchdog} has renewed the write lease (read its own clean slot while quorate) within the lease
 * time (the watchdog timeout).
 *
 * <p>The lease is what makes a hung node safe (DESIGN.md, recovery step 3): a process stopped with SIGSTOP misses
 * its renewals, and when it runs again its first write finds the lease expired before the watchdog thread has even
 * looked at the pill the survivors wrote. Survivors wait {@code poison_pill_wait >= 2 x watchdog_timeout}
 * before they count the node fenced, so its lease has expired by then whatever it was doing (sbd's msgwait
 * argument). The clock must be monotonic ({@link org.gfspnfs.membership.MonotonicClock}).
 */
public final class IoGate {
    private final Clock clock;
    private final long leaseMillis;
    private final BooleanSupplier quorate;
    private volatile long leaseUntil = Long.MIN_VALUE;
    private volatile String closedReason;

    public IoGate(Clock clock, Duration lease, BooleanSupplier quorate) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.leaseMillis = lease.toMillis();
        this.quorate = Objects.requireNonNull(quorate, "quorate");
    }

    /** Extends the write lease from now; the watchdog calls this after a clean slot read while quorate. */
    public void renew() {
        if (closedReason == null) {
            leaseUntil = clock.millis() + leaseMillis;
        }
    }

    /** Closes the gate for good: this life of the node never writes again. */
    public void close(String reason) {
        if (closedReason == null) {
            closedReason = Objects.requireNonNull(reason, "reason");
        }
        leaseUntil = Long.MIN_VALUE;
    }

    /** True when a write may go to shared storage right now. */
    public boolean permitsWrite() {
        return closedReason == null && clock.millis() < leaseUntil && quorate.getAsBoolean();
    }

    /**
     * Call immediately before every write to shared storage.
     *
     * @throws FencedIoException saying why the write may not happen
     */
    public void checkWrite() throws FencedIoException {
        String closed = closedReason;
        if (closed != null) {
            throw new FencedIoException("node is fenced: " + closed);
        }
        if (!quorate.getAsBoolean()) {
            throw new FencedIoException("partition is inquorate: writes are frozen");
        }
        if (clock.millis() >= leaseUntil) {
            throw new FencedIoException("write lease expired: the fence watchdog has not confirmed this node's "
                    + "slot and quorum recently");
        }
    }

    /** Why the gate is closed for good, if it is. */
    public Optional<String> closedReason() {
        return Optional.ofNullable(closedReason);
    }
}
