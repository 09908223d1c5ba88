package org.gfspnfs.nfs41.session;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Expires clients whose lease ran out (RFC 8881 section 8.3): every {@code period} it asks the registry for idle
 * clients not renewed within the lease, which releases their sessions and state. Runs on an injected scheduler
 * so tests drive it with a manual clock.
 */
public final class LeaseReaper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LeaseReaper.class);

    private final ClientRegistry clients;
    private final Duration lease;
    private ScheduledFuture<?> task;

    public LeaseReaper(ClientRegistry clients, Duration lease) {
        this.clients = clients;
        this.lease = lease;
    }

    public synchronized void start(ScheduledExecutorService scheduler, Duration period) {
        task = scheduler.scheduleWithFixedDelay(this::reapOnce, period.toMillis(), period.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** One pass; public so that tests can run it deterministically. */
    public List<NfsClient> reapOnce() {
        List<NfsClient> expired = clients.expire(lease.toMillis());
        for (NfsClient c : expired) {
            LOG.info("lease of {} expired, its state is released", c);
        }
        return expired;
    }

    @Override
    public synchronized void close() {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
    }
}
