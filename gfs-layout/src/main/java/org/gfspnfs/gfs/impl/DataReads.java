package org.gfspnfs.gfs.impl;

import java.util.TreeSet;
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
    private final TreeSet<Long> inFlight = new TreeSet<>();
    private long next;

    /** Starts a read; call with the operation lock held, then {@link #end} it with the ticket, whatever happens. */
    synchronized long begin() {
        long ticket = next++;
        inFlight.add(ticket);
        return ticket;
    }

    synchronized void end(long ticket) {
        inFlight.remove(ticket);
        if (inFlight.isEmpty() || inFlight.first() > ticket) {
            notifyAll();
        }
    }

    /** Waits until every read begun before this call has ended. */
    synchronized void awaitPrior() throws GfsException {
        long now = next;
        while (!inFlight.isEmpty() && inFlight.first() < now) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeviceIOException("interrupted waiting for data reads to finish", e);
            }
        }
    }

    /** Reads in flight now (tests). */
    synchronized int inFlight() {
        return inFlight.size();
    }
}
