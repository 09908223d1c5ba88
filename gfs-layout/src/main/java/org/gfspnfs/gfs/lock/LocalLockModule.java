package org.gfspnfs.gfs.lock;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An in-process lock manager: every {@link LockSession} is a "node", so several filesystem mounts in one JVM (one
 * per journal) share a device coherently. Grants are FIFO per resource (a request never overtakes an earlier
 * waiter, so no node starves); holders in the way get a blocking callback on the module's own callback thread.
 * Closing a session drops its locks like DLM recovery drops a dead node's: LVBs it held in EX become invalid.
 */
public final class LocalLockModule implements LockModule {
    private final Object mutex = new Object();
    private final Map<String, Map<LockName, Resource>> spaces = new HashMap<>();
    private final Map<String, List<Session>> members = new HashMap<>();
    private final ExecutorService callbacks;

    public LocalLockModule() {
        this.callbacks = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "local-lock-callbacks");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public LockSession join(String lockTable, int nodeSlot, BlockingCallback callback) {
        Session s = new Session(lockTable, nodeSlot, callback);
        synchronized (mutex) {
            spaces.computeIfAbsent(lockTable, k -> new HashMap<>());
            members.computeIfAbsent(lockTable, k -> new ArrayList<>()).add(s);
        }
        return s;
    }

    @Override
    public void close() {
        callbacks.shutdown();
        try {
            callbacks.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class Resource {
        final Map<Session, LockMode> granted = new LinkedHashMap<>();
        final Map<Session, LockMode> basted = new HashMap<>();
        final Deque<Waiter> waiters = new ArrayDeque<>();
        byte[] lvb = new byte[LVB_SIZE];
        boolean lvbValid = true;

        boolean grantable(Session s, LockMode mode, boolean noexp) {
            for (Map.Entry<Session, LockMode> g : granted.entrySet()) {
                boolean orphan = g.getKey().closed;
                if (g.getKey() != s && !(orphan && noexp) && !mode.compatibleWith(g.getValue())) {
                    return false;
                }
            }
            return true;
        }

        LockGrant grant(LockName name, Session s, LockMode mode) {
            granted.put(s, mode);
            basted.remove(s);
            return new LockGrant(name, mode, lvb.clone(), lvbValid);
        }
    }

    private record Waiter(Session session, LockMode mode, boolean noexp, CompletableFuture<LockGrant> future) {
    }

    private record Completion(CompletableFuture<LockGrant> future, LockGrant grant) {
    }

    private final class Session implements LockSession {
        private final String table;
        private final int slot;
        private final BlockingCallback callback;
        private boolean closed;

        Session(String table, int slot, BlockingCallback callback) {
            this.table = table;
            this.slot = slot;
            this.callback = callback;
        }

        @Override
        public int nodeSlot() {
            return slot;
        }

        @Override
        public CompletableFuture<LockGrant> request(LockName name, LockMode mode, Set<LockFlag> flags, byte[] lvb) {
            CompletableFuture<LockGrant> f = new CompletableFuture<>();
            List<Completion> done = new ArrayList<>();
            synchronized (mutex) {
                if (closed) {
                    f.completeExceptionally(new IllegalStateException("lock session closed"));
                    return f;
                }
                Resource r = spaces.get(table).computeIfAbsent(name, k -> new Resource());
                LockMode held = r.granted.getOrDefault(this, LockMode.UN);
                if (held == LockMode.EX && mode != LockMode.EX && lvb != null) {
                    r.lvb = lvb.clone();
                    r.lvbValid = true;
                }
                if (mode == LockMode.UN) {
                    r.granted.remove(this);
                    r.basted.remove(this);
                    f.complete(new LockGrant(name, LockMode.UN, r.lvb.clone(), r.lvbValid));
                } else if (isDownConversion(held, mode)
                        || ((r.waiters.isEmpty() || noexp(flags)) && r.grantable(this, mode, noexp(flags)))) {
                    f.complete(r.grant(name, this, mode));
                } else if (flags.contains(LockFlag.TRY) || flags.contains(LockFlag.TRY_NOTIFY)) {
                    if (flags.contains(LockFlag.TRY_NOTIFY)) {
                        bast(name, r, this, mode);
                    }
                    f.completeExceptionally(new LockUnavailableException(name));
                } else {
                    r.waiters.add(new Waiter(this, mode, noexp(flags), f));
                }
                process(name, r, done);
            }
            done.forEach(c -> c.future().complete(c.grant()));
            return f;
        }

        @Override
        public void recoveryDone(int deadSlot) {
            List<Completion> done = new ArrayList<>();
            synchronized (mutex) {
                for (Map.Entry<LockName, Resource> e : spaces.get(table).entrySet()) {
                    Resource r = e.getValue();
                    boolean removed = r.granted.keySet().removeIf(s -> s.closed && s.slot == deadSlot);
                    if (removed) {
                        r.lvbValid = false;
                        process(e.getKey(), r, done);
                    }
                }
            }
            done.forEach(c -> c.future().complete(c.grant()));
        }

        @Override
        public void close() {
            List<Completion> done = new ArrayList<>();
            List<CompletableFuture<LockGrant>> cancelled = new ArrayList<>();
            List<Session> survivors = new ArrayList<>();
            boolean died = false;
            synchronized (mutex) {
                if (closed) {
                    return;
                }
                closed = true;
                members.get(table).remove(this);
                for (Map.Entry<LockName, Resource> e : spaces.get(table).entrySet()) {
                    Resource r = e.getValue();
                    LockMode held = r.granted.get(this);
                    if (held == LockMode.EX) {
                        // A dead node's exclusive locks protect metadata its journal may still change.
                        died = true;
                    } else if (held != null) {
                        r.granted.remove(this);
                        died = true;
                    }
                    r.basted.remove(this);
                    r.waiters.removeIf(w -> {
                        if (w.session() == this) {
                            cancelled.add(w.future());
                            return true;
                        }
                        return false;
                    });
                    process(e.getKey(), r, done);
                }
                if (died) {
                    survivors.addAll(members.get(table));
                }
            }
            cancelled.forEach(f -> f.completeExceptionally(new CancellationException("lock session closed")));
            done.forEach(c -> c.future().complete(c.grant()));
            for (Session s : survivors) {
                execute(() -> s.callback.recoveryNeeded(slot));
            }
        }
    }

    private static boolean noexp(Set<LockFlag> flags) {
        return flags.contains(LockFlag.NOEXP);
    }

    private void execute(Runnable r) {
        try {
            callbacks.execute(r);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // Module closed: nobody is left to tell.
        }
    }

    private static boolean isDownConversion(LockMode held, LockMode wanted) {
        return held == wanted || held == LockMode.EX;
    }

    /** Grants waiters in FIFO order; the first one that still cannot go gets the holders in its way notified. */
    private void process(LockName name, Resource r, List<Completion> done) {
        while (!r.waiters.isEmpty()) {
            Waiter w = r.waiters.peek();
            if (!r.grantable(w.session(), w.mode(), w.noexp())) {
                bast(name, r, w.session(), w.mode());
                return;
            }
            r.waiters.poll();
            done.add(new Completion(w.future(), r.grant(name, w.session(), w.mode())));
        }
    }

    private void bast(LockName name, Resource r, Session requester, LockMode mode) {
        for (Map.Entry<Session, LockMode> g : r.granted.entrySet()) {
            Session holder = g.getKey();
            if (holder != requester && !mode.compatibleWith(g.getValue()) && r.basted.get(holder) != mode) {
                r.basted.put(holder, mode);
                if (!holder.closed) {
                    execute(() -> holder.callback.blocking(name, mode));
                }
            }
        }
    }
}
