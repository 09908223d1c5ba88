package org.gfspnfs.dlm.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.gfspnfs.dlm.api.DeadlockReport;
import org.gfspnfs.dlm.api.DeadlockReport.Edge;
import org.gfspnfs.dlm.api.DeadlockReport.Holder;
import org.gfspnfs.dlm.api.DlmException;
import org.gfspnfs.dlm.api.LockId;
import org.gfspnfs.dlm.net.msg.DeadlockVictim;
import org.gfspnfs.dlm.net.msg.WaitForQuery;
import org.gfspnfs.dlm.net.msg.WaitForReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cluster-wide deadlock detection, which the Linux dlm does not do across nodes: collect every master's wait-for
 * edges (a queued request waits for each granted lock incompatible with it), join them into a graph between
 * holders, and find cycles. The edges are not one atomic snapshot, so a cycle is acted upon only if a second
 * collection shows the same edges again (a real deadlock does not go away by itself); then, by policy, the youngest
 * waiting request of the cycle fails with DEADLOCK at its master.
 */
final class DeadlockDetector {
    private static final Logger LOG = LoggerFactory.getLogger(DeadlockDetector.class);

    /** Lock ids grow on each node, so the highest lkid (then node id) is taken as the youngest request. */
    private static final java.util.Comparator<LockId> YOUNGEST_LAST =
            java.util.Comparator.comparingLong(LockId::lkid).thenComparingInt(LockId::nodeId);

    private final DlmNode node;
    private final DlmConfig.DeadlockPolicy policy;
    private final long timeoutMs;
    private final ScheduledExecutorService timer;
    private final AtomicLong queryIds = new AtomicLong();
    private final Map<Long, Collection> pending = new ConcurrentHashMap<>();

    /** Edges being collected for one query, with the master that reported each. */
    private static final class Collection {
        final Set<Integer> waitingFor;
        final Map<Edge, Integer> edges = new HashMap<>();
        final CompletableFuture<Map<Edge, Integer>> done = new CompletableFuture<>();

        Collection(Set<Integer> waitingFor) {
            this.waitingFor = waitingFor;
        }
    }

    DeadlockDetector(DlmNode node, DlmConfig.DeadlockPolicy policy, java.time.Duration timeout,
                     ScheduledExecutorService timer) {
        this.node = node;
        this.policy = policy;
        this.timeoutMs = timeout.toMillis();
        this.timer = timer;
    }

    CompletableFuture<List<DeadlockReport>> detect(String lockspace) {
        return collect(lockspace).thenCompose(first -> {
            if (cycles(first).isEmpty()) {
                return CompletableFuture.completedFuture(List.<DeadlockReport>of());
            }
            return collect(lockspace).thenApply(second -> act(lockspace, first, second));
        });
    }

    private CompletableFuture<Map<Edge, Integer>> collect(String lockspace) {
        long id = queryIds.incrementAndGet();
        Set<Integer> others = new HashSet<>(node.members());
        others.remove(node.selfId());
        Collection c = new Collection(new HashSet<>(others));
        pending.put(id, c);
        LockspaceImpl ls = node.lockspaceImpl(lockspace);
        List<Edge> local = ls.locked(ls.master::waitForEdges);
        synchronized (c) {
            local.forEach(e -> c.edges.put(e, node.selfId()));
        }
        for (int n : others) {
            node.send(n, new WaitForQuery(id, lockspace));
        }
        complete(id, c);
        timer.schedule(() -> {
            if (pending.remove(id) != null) {
                c.done.completeExceptionally(new DlmException("deadlock detection: members " + c.waitingFor
                        + " did not answer"));
            }
        }, timeoutMs, TimeUnit.MILLISECONDS);
        return c.done;
    }

    void onQuery(int src, WaitForQuery q) {
        LockspaceImpl ls = node.lockspaceImpl(q.lockspace());
        List<Edge> edges = ls.locked(ls.master::waitForEdges);
        node.send(src, new WaitForReply(q.queryId(), q.lockspace(), edges));
    }

    void onReply(int src, WaitForReply r) {
        Collection c = pending.get(r.queryId());
        if (c == null) {
            return;
        }
        synchronized (c) {
            r.edges().forEach(e -> c.edges.put(e, src));
            c.waitingFor.remove(src);
        }
        complete(r.queryId(), c);
    }

    private void complete(long id, Collection c) {
        synchronized (c) {
            if (c.waitingFor.isEmpty() && pending.remove(id) != null) {
                c.done.complete(Map.copyOf(c.edges));
            }
        }
    }

    private List<DeadlockReport> act(String lockspace, Map<Edge, Integer> first, Map<Edge, Integer> second) {
        List<DeadlockReport> reports = new ArrayList<>();
        for (List<Edge> cycle : cycles(second)) {
            if (!first.keySet().containsAll(cycle)) {
                continue; // not confirmed by both collections
            }
            Edge youngest = cycle.get(0);
            for (Edge e : cycle) {
                if (YOUNGEST_LAST.compare(e.waitingLock(), youngest.waitingLock()) > 0) {
                    youngest = e;
                }
            }
            LockId victim = null;
            if (policy == DlmConfig.DeadlockPolicy.FAIL_YOUNGEST) {
                victim = youngest.waitingLock();
                int master = second.get(youngest);
                if (master == node.selfId()) {
                    LockspaceImpl ls = node.lockspaceImpl(lockspace);
                    ls.failVictimLocally(victim);
                } else {
                    node.send(master, new DeadlockVictim(lockspace, youngest.resource(), victim));
                }
            }
            DeadlockReport report = new DeadlockReport(cycle, victim);
            LOG.warn("lockspace {}: deadlock {}", lockspace, report);
            reports.add(report);
        }
        return reports;
    }

    /** Elementary cycles of the holder graph, one per strongly connected loop found by DFS. */
    static List<List<Edge>> cycles(Map<Edge, Integer> edges) {
        Map<Holder, List<Edge>> out = new HashMap<>();
        for (Edge e : edges.keySet()) {
            out.computeIfAbsent(e.waiter(), k -> new ArrayList<>()).add(e);
        }
        List<List<Edge>> found = new ArrayList<>();
        Set<Holder> done = new HashSet<>();
        for (Holder start : out.keySet()) {
            if (!done.contains(start)) {
                dfs(start, out, new ArrayList<>(), new HashMap<>(), done, found);
            }
        }
        return found;
    }

    private static void dfs(Holder h, Map<Holder, List<Edge>> out, List<Edge> path, Map<Holder, Integer> onPath,
                            Set<Holder> done, List<List<Edge>> found) {
        onPath.put(h, path.size());
        for (Edge e : out.getOrDefault(h, List.of())) {
            Holder next = e.blocker();
            if (onPath.containsKey(next)) {
                List<Edge> cycle = new ArrayList<>(path.subList(onPath.get(next), path.size()));
                cycle.add(e);
                found.add(cycle);
            } else if (!done.contains(next)) {
                path.add(e);
                dfs(next, out, path, onPath, done, found);
                path.remove(path.size() - 1);
            }
        }
        onPath.remove(h);
        done.add(h);
    }
}
