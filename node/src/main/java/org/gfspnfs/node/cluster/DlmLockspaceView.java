package org.gfspnfs.node.cluster;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;

import org.gfspnfs.control.api.DeadlockInfo;
import org.gfspnfs.control.api.LockEntry;
import org.gfspnfs.control.api.LockMode;
import org.gfspnfs.control.api.LockspaceInfo;
import org.gfspnfs.control.api.LockspaceState;
import org.gfspnfs.control.api.NoSuchEntityException;
import org.gfspnfs.control.api.ResourceInfo;
import org.gfspnfs.control.api.WaiterInfo;
import org.gfspnfs.control.api.WaitersReport;
import org.gfspnfs.control.spi.LockspaceView;
import org.gfspnfs.dlm.api.DeadlockReport;
import org.gfspnfs.dlm.api.LockId;
import org.gfspnfs.dlm.api.query.LockInfo;
import org.gfspnfs.dlm.api.query.LockspaceSnapshot;
import org.gfspnfs.dlm.api.query.NodeSnapshot;
import org.gfspnfs.dlm.core.DlmNode;

/**
 * {@code gfsctl ls / locks / waiters} of a cluster member, from its DLM's query API, shaped like {@code dlm_tool
 * ls} and {@code dlm_tool lockdebug}: the lockspaces this node is in, and the resources it masters with every
 * node's locks on them (asking every node, as {@code gfsctl --node all} does, covers each resource once, at its
 * master). A lock's age is measured from the first time this node's control channel saw it, at most one query
 * interval late.
 */
public final class DlmLockspaceView implements LockspaceView {
    private final DlmNode dlm;
    private final DeadlockHistory deadlocks;
    private final Clock clock;
    private final Map<String, Map<LockId, Instant>> firstSeen = new HashMap<>();

    public DlmLockspaceView(DlmNode dlm, DeadlockHistory deadlocks, Clock clock) {
        this.dlm = dlm;
        this.deadlocks = deadlocks;
        this.clock = clock;
    }

    @Override
    public List<LockspaceInfo> lockspaces() {
        NodeSnapshot node = dlm.snapshot();
        LockspaceState state = dlm.running() ? LockspaceState.RUNNING : LockspaceState.RECOVERING;
        List<LockspaceInfo> out = new ArrayList<>();
        for (LockspaceSnapshot ls : node.lockspaces()) {
            out.add(new LockspaceInfo(ls.name(), globalId(ls.name()), state, node.members(), ls.mastered().size(),
                    ls.ownLocks().size()));
        }
        return out;
    }

    @Override
    public synchronized List<ResourceInfo> resources(String lockspace) throws NoSuchEntityException {
        LockspaceSnapshot ls = snapshot(lockspace);
        Instant now = clock.instant();
        Map<LockId, Instant> seen = firstSeen.computeIfAbsent(lockspace, k -> new HashMap<>());
        Set<LockId> live = new HashSet<>();
        List<ResourceInfo> out = new ArrayList<>();
        for (org.gfspnfs.dlm.api.query.ResourceInfo r : ls.mastered()) {
            byte[] lvb = r.valueBlock() == null ? new byte[0] : r.valueBlock().value();
            boolean valid = r.valueBlock() == null || r.valueBlock().valid();
            out.add(new ResourceInfo(r.name(), r.master(), entries(r.granted(), seen, now, live),
                    entries(r.converting(), seen, now, live), entries(r.waiting(), seen, now, live), lvb, valid));
        }
        seen.keySet().retainAll(live);
        return out;
    }

    @Override
    public synchronized WaitersReport waiters(Optional<String> lockspace) throws NoSuchEntityException {
        Instant now = clock.instant();
        List<WaiterInfo> waiters = new ArrayList<>();
        List<LockspaceSnapshot> spaces = lockspace.isPresent() ? List.of(snapshot(lockspace.get()))
                : dlm.snapshot().lockspaces();
        for (LockspaceSnapshot ls : spaces) {
            Map<LockId, Instant> seen = firstSeen.computeIfAbsent(ls.name(), k -> new HashMap<>());
            for (org.gfspnfs.dlm.api.query.ResourceInfo r : ls.mastered()) {
                for (LockInfo l : concat(r.converting(), r.waiting())) {
                    waiters.add(new WaiterInfo(ls.name(), r.name(), l.id().lkid(), l.id().nodeId(),
                            mode(l.granted()), mode(l.requested()), age(l.id(), seen, now, new HashSet<>())));
                }
            }
        }
        List<DeadlockInfo> cycles = new ArrayList<>();
        for (DeadlockHistory.Detected d : deadlocks.detected()) {
            if (lockspace.isPresent() && !lockspace.get().equals(d.lockspace())) {
                continue;
            }
            cycles.add(deadlock(d));
        }
        return new WaitersReport(waiters, cycles);
    }

    private static DeadlockInfo deadlock(DeadlockHistory.Detected d) {
        List<WaiterInfo> cycle = new ArrayList<>();
        for (DeadlockReport.Edge e : d.report().edges()) {
            cycle.add(new WaiterInfo(d.lockspace(), e.resource().toString(), e.waitingLock().lkid(),
                    e.waiter().nodeId(), mode(e.blockingMode()), mode(e.waitingMode()), Duration.ZERO));
        }
        long victim = d.report().victim() == null ? 0 : d.report().victim().lkid();
        return new DeadlockInfo(d.lockspace(), d.at(), cycle, victim);
    }

    private LockspaceSnapshot snapshot(String lockspace) throws NoSuchEntityException {
        return dlm.snapshot().lockspaces().stream().filter(ls -> ls.name().equals(lockspace)).findFirst()
                .orElseThrow(() -> new NoSuchEntityException("node " + dlm.selfId() + " is not in lockspace '"
                        + lockspace + "'"));
    }

    private static List<LockEntry> entries(List<LockInfo> locks, Map<LockId, Instant> seen, Instant now,
                                           Set<LockId> live) {
        List<LockEntry> out = new ArrayList<>();
        for (LockInfo l : locks) {
            out.add(new LockEntry(l.id().lkid(), l.id().nodeId(), mode(l.granted()), mode(l.requested()),
                    age(l.id(), seen, now, live)));
        }
        return out;
    }

    private static Duration age(LockId id, Map<LockId, Instant> seen, Instant now, Set<LockId> live) {
        live.add(id);
        return Duration.between(seen.computeIfAbsent(id, k -> now), now);
    }

    private static List<LockInfo> concat(List<LockInfo> a, List<LockInfo> b) {
        List<LockInfo> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** The DLM's mode, or IV (invalid: none) for a lock not granted yet or not converting. */
    private static LockMode mode(org.gfspnfs.dlm.api.LockMode m) {
        return m == null ? LockMode.IV : LockMode.valueOf(m.name());
    }

    /** A stable id for a lockspace name on every node (dlm's global id is a hash of the name too). */
    static long globalId(String lockspace) {
        CRC32 crc = new CRC32();
        crc.update(lockspace.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }
}
