package org.gfspnfs.gfs.impl;

import java.util.HashMap;
import java.util.Map;
import org.gfspnfs.gfs.GfsException;
import org.gfspnfs.gfs.InodeHold;
import org.gfspnfs.gfs.InodeId;
import org.gfspnfs.gfs.lock.LockName;
import org.gfspnfs.gfs.lock.LockType;

/**
 * Open-like holds on inodes (GFS2 iopen glocks): the first local hold takes IOPEN shared, the last one gives it
 * back. Deallocating an unlinked inode needs IOPEN exclusively, which no node can get while any node holds it.
 */
final class Holds {
    /** What to do when the last local hold on an inode goes. */
    interface LastClose {
        void closed(InodeId id) throws GfsException;
    }

    private final Glocks glocks;
    private final Map<Long, Integer> counts = new HashMap<>();
    private final LastClose lastClose;

    Holds(Glocks glocks, LastClose lastClose) {
        this.glocks = glocks;
        this.lastClose = lastClose;
    }

    static LockName iopen(long number) {
        return new LockName(LockType.IOPEN, number);
    }

    synchronized boolean isHeld(long number) {
        return counts.getOrDefault(number, 0) > 0;
    }

    InodeHold open(InodeId id) throws GfsException {
        boolean first;
        synchronized (this) {
            first = counts.merge(id.number(), 1, Integer::sum) == 1;
        }
        if (first) {
            try {
                glocks.acquire(iopen(id.number()), org.gfspnfs.gfs.lock.LockMode.SH, false);
            } catch (GfsException | RuntimeException e) {
                synchronized (this) {
                    counts.merge(id.number(), -1, Integer::sum);
                }
                throw e;
            }
        } else {
            glocks.acquire(iopen(id.number()), org.gfspnfs.gfs.lock.LockMode.SH, false);
        }
        return new Hold(id);
    }

    private final class Hold implements InodeHold {
        private final InodeId id;
        private boolean closed;

        Hold(InodeId id) {
            this.id = id;
        }

        @Override
        public InodeId id() {
            return id;
        }

        @Override
        public void close() throws GfsException {
            synchronized (this) {
                if (closed) {
                    return;
                }
                closed = true;
            }
            boolean last;
            synchronized (Holds.this) {
                last = counts.merge(id.number(), -1, Integer::sum) == 0;
                if (last) {
                    counts.remove(id.number());
                }
            }
            glocks.releaseAndUnlock(iopen(id.number()));
            if (last) {
                lastClose.closed(id);
            }
        }
    }
}
