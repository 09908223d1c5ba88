package org.gfspnfs.gfs.impl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.gfspnfs.gfs.DeviceIOException;
import org.gfspnfs.gfs.GfsException;
import org.gfspnfs.gfs.lock.LockFlag;
import org.gfspnfs.gfs.lock.LockGrant;
import org.gfspnfs.gfs.lock.LockMode;
import org.gfspnfs.gfs.lock.LockModule;
import org.gfspnfs.gfs.lock.LockName;
import org.gfspnfs.gfs.lock.LockSession;
import org.gfspnfs.gfs.lock.LockUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The glock layer of one mount (GFS2 glock.c): keeps granted glocks cached after their holders finish, and answers
 * blocking callbacks by flushing the journal, invalidating the glock's cached metadata and demoting - on its own
 * thread, after the last local holder has let go.
 */
final class Glocks implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Glocks.class);

    /** What the filesystem does around a demote. */
    interface Demoter {
        /**
         * Before giving up EX: flushes the log (checkpoint), since blocks under the glock may be dirty or live in
         * the journal; a shared holder has neither. For a demote to UN, drops everything cached under the glock.
         */
        void beforeDemote(LockName name, LockMode from, LockMode to) throws GfsException;

        /** LVB contents to store when giving up EX, or null. */
        byte[] lvbFor(LockName name);

        /** Another node died: replay its journal (runs on the glock thread). */
        void recoveryNeeded(int nodeSlot);
    }

    private final Map<LockName, GlockState> glocks = new ConcurrentHashMap<>();
    private final ExecutorService demoter;
    private final AtomicLong demoteCount = new AtomicLong();
    /** Map size below which {@link #prune} does not sweep again (grows with the glocks that stay cached). */
    private volatile int pruneAbove;
    private Demoter hooks;
    private LockSession session;

    Glocks(int nodeSlot) {
        this.demoter = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "glock-demote-" + nodeSlot);
            t.setDaemon(true);
            return t;
        });
    }

    void start(LockModule module, String lockTable, int nodeSlot, Demoter d) {
        this.hooks = d;
        this.session = module.join(lockTable, nodeSlot, new org.gfspnfs.gfs.lock.BlockingCallback() {
            @Override
            public void blocking(LockName name, LockMode requested) {
                onBlocking(name, requested);
            }

            @Override
            public void recoveryNeeded(int slot) {
                try {
                    demoter.execute(() -> hooks.recoveryNeeded(slot));
                } catch (RejectedExecutionException e) {
                    // Unmounting: the next mount or another node recovers the journal.
                }
            }
        });
    }

    /** Tells the lock manager a dead slot's journal is replayed. */
    void recoveryDone(int slot) {
        session.recoveryDone(slot);
    }

    long demotes() {
        return demoteCount.get();
    }

    GlockState state(LockName name) {
        GlockState g = glocks.get(name);   // lock-free; computeIfAbsent locks the bin when the key is not first in it
        return g != null ? g : glocks.computeIfAbsent(name, GlockState::new);
    }

    /**
     * Keeps the glocks this node knows near {@code max} (GFS2's glock shrinker): forgets unlocked, idle glock
     * states, and when cached ones alone are still more than {@code max}, gives the least recently used idle ones
     * back to the lock manager (flush, invalidate, demote to UN on the demote thread, at most
     * {@link #RECLAIM_BATCH} per sweep) down to three quarters of {@code max}. Without that, every inode a node ever
     * touched kept its glock and its lock-manager state for good: memory grew with the number of files seen (a
     * removed file's glocks too). A sweep runs when the map has grown by an eighth of {@code max} since the last
     * one, so the scan does not run after every operation.
     */
    void prune(int max) {
        int size = glocks.size();
        if (size <= max || size <= pruneAbove) {
            return;
        }
        glocks.values().removeIf(g -> {
            synchronized (g) {
                g.forgotten = g.granted == LockMode.UN && g.holders == 0 && !g.busy && g.demoteTo == null;
                return g.forgotten;
            }
        });
        int excess = glocks.size() - (max - max / 4);
        if (excess > 0) {
            reclaim(Math.min(excess, RECLAIM_BATCH));
        }
        pruneAbove = glocks.size() + Math.max(16, max / 8);
    }

    /** Glocks given back per sweep at most: the demote thread also serves other nodes' blocking callbacks. */
    static final int RECLAIM_BATCH = 4096;

    private record Idle(GlockState glock, long since) {
    }

    /** Schedules the demote to UN of the {@code count} glocks idle the longest. */
    private void reclaim(int count) {
        List<Idle> idle = new ArrayList<>();
        for (GlockState g : glocks.values()) {
            synchronized (g) {
                if (reclaimable(g)) {
                    idle.add(new Idle(g, g.idleSince));
                }
            }
        }
        idle.sort(Comparator.comparingLong(Idle::since));
        int scheduled = 0;
        for (int i = 0; i < idle.size() && scheduled < count; i++) {
            GlockState g = idle.get(i).glock();
            synchronized (g) {
                if (reclaimable(g)) {
                    g.demoteTo = LockMode.UN;
                    scheduleDemote(g);
                    scheduled++;
                }
            }
        }
    }

    private static boolean reclaimable(GlockState g) {
        return g.holders == 0 && !g.busy && g.demoteTo == null && g.granted != LockMode.UN;
    }

    private static final Set<LockFlag> WAIT = Collections.unmodifiableSet(EnumSet.noneOf(LockFlag.class));
    private static final Set<LockFlag> TRY = Collections.unmodifiableSet(EnumSet.of(LockFlag.TRY));

    /** Acquires a holder in {@code mode}, waiting for other nodes; with {@code tryOnly}, returns false instead. */
    boolean acquire(LockName name, LockMode mode, boolean tryOnly) throws GfsException {
        return hold(name, mode, tryOnly) != null;
    }

    /** {@link #hold(LockName, LockMode, Set)} waiting for other nodes, or with {@code tryOnly} not. */
    GlockState hold(LockName name, LockMode mode, boolean tryOnly) throws GfsException {
        return hold(name, mode, tryOnly ? TRY : WAIT);
    }

    /** Acquires a holder with explicit lock flags (TRY returns false instead of waiting). */
    boolean acquire(LockName name, LockMode mode, Set<LockFlag> flags) throws GfsException {
        return hold(name, mode, flags) != null;
    }

    /**
     * Acquires a holder and returns the glock's state, for a {@link #release(GlockState)} that needs no lookup; null
     * when TRY was given and the lock is not to be had now.
     */
    GlockState hold(LockName name, LockMode mode, Set<LockFlag> flags) throws GfsException {
        GlockState g;
        while (true) {
            g = state(name);
            synchronized (g) {
                waitIdle(g);
                if (g.forgotten) {
                    // Pruned after the lookup (or while we waited): the map has, or gets, a new state for the name.
                    continue;
                }
                if (g.granted.covers(mode) && !g.demoteNeeded()) {
                    g.holders++;
                    return g;
                }
                if (g.holders > 0) {
                    throw new IllegalStateException("glock " + name + " upgrade while held in " + g.granted);
                }
                g.busy = true;
                break;
            }
        }
        try {
            if (g.granted != LockMode.UN) {
                demote(g, LockMode.UN);
            }
            LockGrant grant = await(session.request(name, mode, flags, null), name, mode);
            if (grant == null) {
                return null;
            }
            synchronized (g) {
                g.granted = mode;
                g.attributes = null;   // what was decoded before the lock was given up may have changed since
                g.lvb = grant.lvb();
                g.lvbValid = grant.lvbValid();
                g.holders++;
            }
            return g;
        } finally {
            synchronized (g) {
                g.busy = false;
                g.notifyAll();
            }
        }
    }

    /**
     * Runs {@code read} under the glock's monitor if this node has {@code name} granted in a mode covering
     * {@code mode} with no demote pending or under way, and returns its result; null otherwise (the caller then takes
     * the glock the ordinary way). The metadata the glock caches stays valid while the monitor is held: a demote,
     * which flushes and drops it, first marks the glock busy under the same monitor. No holder is taken: this is for
     * reading many cached inodes in one operation (the attributes of a READDIR page), where taking and releasing a
     * holder for each cost more than the read. {@code read} runs with the monitor held and must not block.
     */
    <T> T readCached(LockName name, LockMode mode, Function<GlockState, T> read) {
        GlockState g = glocks.get(name);
        if (g == null) {
            return null;
        }
        synchronized (g) {
            if (g.busy || g.forgotten || !g.granted.covers(mode) || g.demoteNeeded()) {
                return null;
            }
            return read.apply(g);
        }
    }

    /** Drops a holder; the glock stays cached unless a demote is pending. */
    void release(LockName name) {
        release(state(name));
    }

    /** Drops a holder of {@code g} (from {@link #hold}). */
    void release(GlockState g) {
        synchronized (g) {
            g.holders--;
            if (g.holders == 0) {
                g.idleSince = System.nanoTime();
                if (!g.busy && g.demoteNeeded()) {
                    scheduleDemote(g);
                }
            }
        }
    }

    /** Drops a holder and gives the lock back at once when it was the last one (iopen: not cached). */
    void releaseAndUnlock(LockName name) throws GfsException {
        GlockState g = state(name);
        synchronized (g) {
            g.holders--;
            if (g.holders > 0) {
                return;
            }
            waitIdle(g);
            if (g.holders > 0 || g.granted == LockMode.UN) {
                return;
            }
            g.busy = true;
        }
        try {
            demote(g, LockMode.UN);
        } finally {
            synchronized (g) {
                g.busy = false;
                g.notifyAll();
            }
        }
    }

    /** Blocking callback: another node wants {@code requested}. */
    private void onBlocking(LockName name, LockMode requested) {
        GlockState g = glocks.get(name);
        if (g == null) {
            return;
        }
        synchronized (g) {
            LockMode target = requested == LockMode.SH ? LockMode.SH : LockMode.UN;
            g.demoteTo = (g.demoteTo == null || g.demoteTo == LockMode.SH) ? target : g.demoteTo;
            if (g.holders == 0 && !g.busy && g.demoteNeeded()) {
                scheduleDemote(g);
            }
        }
    }

    private void scheduleDemote(GlockState g) {
        g.busy = true;
        try {
            demoter.execute(() -> runDemote(g));
        } catch (RejectedExecutionException e) {
            g.busy = false;
        }
    }

    private void runDemote(GlockState g) {
        try {
            LockMode to;
            synchronized (g) {
                if (!g.demoteNeeded() || g.holders > 0) {
                    return;
                }
                to = g.demoteTo;
            }
            demote(g, to);
        } catch (GfsException | RuntimeException e) {
            LOG.error("demote of {} failed", g.name, e);
        } finally {
            synchronized (g) {
                g.busy = false;
                g.notifyAll();
                if (g.holders == 0 && g.demoteNeeded()) {
                    scheduleDemote(g);
                }
            }
        }
    }

    /** Flush, invalidate, then convert down. Caller has set busy. */
    private void demote(GlockState g, LockMode to) throws GfsException {
        hooks.beforeDemote(g.name, g.granted, to);
        byte[] lvb = g.granted == LockMode.EX ? hooks.lvbFor(g.name) : null;
        // Counted before the conversion: the node waiting for this glock may run on as soon as it is granted, and
        // must then see the demote in stats() (benches and tests compare the counts around an operation).
        demoteCount.incrementAndGet();
        await(session.request(g.name, to, WAIT, lvb), g.name, to);
        synchronized (g) {
            g.granted = to;
            if (to == LockMode.UN) {
                g.attributes = null;
            }
            // A callback that arrived during the conversion may want more than we just gave up: keep it.
            g.demoteNeeded();
            g.demotes++;
            if (lvb != null) {
                // What we just published is the freshest value this node knows (statfs reads it unlocked).
                g.lvb = lvb;
                g.lvbValid = true;
            }
        }
    }

    /** Waits (holding g's monitor) until no acquire or demote of {@code g} is in flight. */
    static void waitIdle(GlockState g) throws GfsException {
        while (g.busy) {
            try {
                g.wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeviceIOException("interrupted waiting for glock " + g.name, e);
            }
        }
    }

    /** A glock request still waiting after this long is logged (and again each time as long again passes). */
    private static final long SLOW_GRANT_SECONDS = 30;

    /**
     * Waits for a lock request. One that waits longer than {@link #SLOW_GRANT_SECONDS} is logged with the glock and
     * the mode, like the kernel's hung-task warning: a grant that never comes is otherwise a silent hang of every
     * operation behind it.
     */
    private static LockGrant await(CompletableFuture<LockGrant> f, LockName name, LockMode mode)
            throws GfsException {
        long waited = 0;
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return f.get(SLOW_GRANT_SECONDS, TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    waited += SLOW_GRANT_SECONDS;
                    LOG.warn("glock {} {} not granted after {} s; still waiting", name, mode, waited);
                } catch (InterruptedException e) {
                    // Not a reason to abandon a request the lock manager may grant: keep waiting, as join() did.
                    interrupted = true;
                } catch (java.util.concurrent.ExecutionException e) {
                    return failed(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A failed request: null for a TRY that would have waited, else the failure as an I/O error. */
    private static LockGrant failed(Throwable cause) throws GfsException {
        if (cause instanceof LockUnavailableException) {
            return null;
        }
        if (cause instanceof CancellationException) {
            throw new DeviceIOException("lock request cancelled", cause);
        }
        throw new DeviceIOException("lock request failed: " + cause, cause);
    }

    /** How long unmount waits for its unlocks, all together. */
    private static final int UNMOUNT_UNLOCK_SECONDS = 3;

    /** Gives every lock back (unmount: the log is already clean). LVBs of EX rgrp glocks are written. */
    @Override
    public void close() {
        demoter.shutdown();
        try {
            demoter.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (session == null) {
            return;
        }
        // All unlocks at once under one deadline: the log is clean already, so a lock whose master is gone (a
        // node leaving at the same moment) is abandoned rather than waited for; the others purge it when this
        // node leaves the cluster.
        List<Map.Entry<LockName, CompletableFuture<LockGrant>>> pending = new ArrayList<>();
        for (GlockState g : glocks.values()) {
            synchronized (g) {
                if (g.granted != LockMode.UN) {
                    byte[] lvb = g.granted == LockMode.EX ? hooks.lvbFor(g.name) : null;
                    pending.add(Map.entry(g.name,
                            session.request(g.name, LockMode.UN, EnumSet.noneOf(LockFlag.class), lvb)));
                    g.granted = LockMode.UN;
                }
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(UNMOUNT_UNLOCK_SECONDS);
        int abandoned = 0;
        for (Map.Entry<LockName, CompletableFuture<LockGrant>> p : pending) {
            try {
                p.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                abandoned++;
                LOG.debug("unlock of {} at unmount failed: {}", p.getKey(), e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (abandoned > 0) {
            LOG.warn("unmount: {} of {} glocks were not released within {} s (their masters are gone); the log is "
                    + "clean, the cluster drops them with this node", abandoned, pending.size(),
                    UNMOUNT_UNLOCK_SECONDS);
        }
        session.close();
    }

    /** Crash simulation and failed mounts: leave the lockspace without writing anything. */
    void abandon() {
        demoter.shutdownNow();
        try {
            // A journal replay in flight finishes first: a "dead" node must not write after its death.
            demoter.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (session != null) {
            session.close();
        }
    }
}
