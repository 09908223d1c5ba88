package org.gfspnfs.mds.layout;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.gfspnfs.nfs41.pnfs.LayoutState;
import org.gfspnfs.nfs41.pnfs.LayoutStateTable;
import org.gfspnfs.nfs41.vfs.Inode;

/**
 * Revocation of recalled layouts that are not returned in time (RFC 8881 section 12.5.5.2). One timer per recalled
 * (client, file); a LAYOUTRETURN that frees the layout cancels it. Runs on the injected scheduler.
 */
final class RecallTimers {
    private record Key(long clientId, Inode inode) {
    }

    private final LayoutStateTable table;
    private final ScheduledExecutorService scheduler;
    private final Duration timeout;
    private final LayoutRevocations revocations;
    private final Map<Key, ScheduledFuture<?>> pending = new HashMap<>();

    RecallTimers(LayoutStateTable table, ScheduledExecutorService scheduler, Duration timeout,
                 LayoutRevocations revocations) {
        this.table = table;
        this.scheduler = scheduler;
        this.timeout = timeout;
        this.revocations = revocations;
    }

    synchronized void start(long clientId, Inode inode) {
        Key k = new Key(clientId, inode);
        if (pending.containsKey(k)) {
            return;
        }
        pending.put(k, scheduler.schedule(() -> expire(k), timeout.toMillis(), TimeUnit.MILLISECONDS));
    }

    synchronized void cancel(long clientId, Inode inode) {
        ScheduledFuture<?> f = pending.remove(new Key(clientId, inode));
        if (f != null) {
            f.cancel(false);
        }
    }

    synchronized void cancelClient(long clientId) {
        pending.entrySet().removeIf(e -> {
            if (e.getKey().clientId() == clientId) {
                e.getValue().cancel(false);
                return true;
            }
            return false;
        });
    }

    /** Whether a recall of this layout is waiting for its return. */
    synchronized boolean pending(long clientId, Inode inode) {
        return pending.containsKey(new Key(clientId, inode));
    }

    private void expire(Key k) {
        synchronized (this) {
            pending.remove(k);
        }
        var holding = table.holding(k.clientId(), k.inode());
        if (holding.isEmpty() || holding.get().state() == LayoutState.REVOKED) {
            return;
        }
        if (table.revoke(k.clientId(), k.inode())) {
            revocations.revoked(k.clientId(), k.inode(), holding.get().fileHandle());
        }
    }
}
