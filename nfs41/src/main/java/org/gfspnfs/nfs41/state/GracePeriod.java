package org.gfspnfs.nfs41.state;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * The grace period after a restart (RFC 8881 section 8.4.2): for {@code duration}, or until every client of the
 * previous instance has sent RECLAIM_COMPLETE, only reclaims are allowed; new opens and locks get NFS4ERR_GRACE.
 * With no previous clients there is no grace at all.
 */
public final class GracePeriod {
    private final Clock clock;
    private final long endMillis;
    private final Set<String> pending;
    private boolean over;

    public GracePeriod(Clock clock, Duration duration, Set<String> previousClients) {
        this.clock = clock;
        this.endMillis = clock.millis() + duration.toMillis();
        this.pending = new HashSet<>(previousClients);
        this.over = pending.isEmpty();
    }

    public synchronized boolean active() {
        if (!over && clock.millis() >= endMillis) {
            over = true;
        }
        return !over;
    }

    /** Whether this client owner held state before the restart and may reclaim it. */
    public synchronized boolean mayReclaim(String ownerKey) {
        return active() && pending.contains(ownerKey);
    }

    /** RECLAIM_COMPLETE from a client: when the last previous client is done, grace ends early. */
    public synchronized void reclaimComplete(String ownerKey) {
        pending.remove(ownerKey);
        if (pending.isEmpty()) {
            over = true;
        }
    }
}
