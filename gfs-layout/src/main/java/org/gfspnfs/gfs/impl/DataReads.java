package org.gfspnfs.gfs.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.gfspnfs.gfs.DeviceIOException;
import org.gfspnfs.gfs.GfsException;

/**
 * Reads of file data that run after their operation has let the mount go (so that several can copy at once), and
 * the barrier that keeps the blocks they read from being reused under them. A read is mapped under the operation
 * lock and {@link #begin begins} before that lock is released; whatever may hand its blocks to something else -
 * freeing a block on this node, or giving an inode's glock back so another node may truncate it - first
 * {@link #awaitPrior waits} for every read begun before. Reads begun later mapped the file as it is after the
 * change, so the wait never grows with later traffic (a grace period, as with RCU).
 */
final class DataReads {
    /** What a read still sending its blocks does when a waiter needs them: copies what it has left, then ends. */
    interface Revocable {
        void revoke();
    }

    private final TreeMap<Long, Revocable> inFlight = new TreeMap<>();
    private long next;

    /** Starts a read; call with the operation lock held, then {@link #end} it with the ticket, whatever happens. */
    synchronized long begin() {
        return begin(null);
    }

    /**
     * Starts a read whose end waits for someone else (a socket taking the blocks from the device): a waiter
     * {@link Revocable#revoke revokes} it instead of waiting, so a client that stops reading holds up nothing.
     */
    synchronized long begin(Revocable revocable) {
        long ticket = next++;
        inFlight.put(ticket, revocable);
        return ticket;
    }

    synchronized void end(long ticket) {
        inFlight.remove(ticket);
        if (inFlight.isEmpty() || inFlight.firstKey() > ticket) {
            notifyAll();
        }
    }

    /**
     * Waits until every read begun before this call has ended, revoking those that would wait for a client.
     * Revocation runs outside this monitor: it takes the read's own lock, which its sender holds while sending.
     */
    void awaitPrior() throws GfsException {
        long now;
        List<Revocable> revoke = new ArrayList<>();
        synchronized (this) {
            now = next;
            for (Revocable r : inFlight.headMap(now).values()) {
                if (r != null) {
                    revoke.add(r);
                }
            }
        }
        for (Revocable r : revoke) {
            r.revoke();
        }
        synchronized (this) {
            while (!inFlight.isEmpty() && inFlight.firstKey() < now) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new DeviceIOException("interrupted waiting for data reads to finish", e);
                }
            }
        }
    }

    /** Reads in flight now (tests). */
    synchronized int inFlight() {
        return inFlight.size();
    }
}
