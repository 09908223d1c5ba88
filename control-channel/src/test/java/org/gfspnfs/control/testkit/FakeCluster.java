package org.gfspnfs.control.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.gfspnfs.control.api.FenceEvent;
import org.gfspnfs.control.api.FenceOutcome;
import org.gfspnfs.control.api.LockEntry;
import org.gfspnfs.control.api.LockMode;
import org.gfspnfs.control.api.MemberState;
import org.gfspnfs.control.api.RecoveryPhase;
import org.gfspnfs.control.api.RecoveryStep;
import org.gfspnfs.control.api.StepState;

/**
 * The cluster-wide state behind the fake nodes of the control-channel tests: who is a member, which lockspaces
 * exist with which resources and locks, the fencing log and the recovery steps. Stands in for membership and
 * dlm-bridge, which are slow to start; each {@link FakeNode} reports its own view of it through the SPI.
 */
public final class FakeCluster {
    /** One lock on a resource queue. */
    record Lock(long id, int nodeId, LockMode granted, LockMode requested, Instant since) {
        LockEntry entry(Instant now) {
            return new LockEntry(id, nodeId, granted, requested, Duration.between(since, now));
        }
    }

    /** One dlm resource: master (first node that locked it), queues, LVB. */
    static final class Resource {
        final String name;
        final int master;
        final List<Lock> granted = new ArrayList<>();
        final List<Lock> converting = new ArrayList<>();
        final List<Lock> waiting = new ArrayList<>();
        byte[] lvb = new byte[0];
        boolean lvbValid = true;

        Resource(String name, int master) {
            this.name = name;
            this.master = master;
        }

        boolean involves(int nodeId) {
            return master == nodeId || all().stream().anyMatch(l -> l.nodeId() == nodeId);
        }

        List<Lock> all() {
            List<Lock> all = new ArrayList<>(granted);
            all.addAll(converting);
            all.addAll(waiting);
            return all;
        }
    }

    final Clock clock;
    final Instant started;
    final Map<String, Integer> nodeIds = new LinkedHashMap<>();
    final Map<String, MemberState> memberStates = new LinkedHashMap<>();
    final Map<String, Instant> memberSince = new LinkedHashMap<>();
    final Map<String, Set<Integer>> lockspaceMembers = new LinkedHashMap<>();
    final Map<String, Map<String, Resource>> lockspaces = new LinkedHashMap<>();
    final List<FenceEvent> fencing = new ArrayList<>();
    final List<RecoveryStep> recovery = new ArrayList<>();
    private final AtomicLong lockIds = new AtomicLong(0x100);

    public FakeCluster(Clock clock, List<String> nodeNames) {
        this.clock = clock;
        this.started = clock.instant().minusSeconds(600);
        for (int i = 0; i < nodeNames.size(); i++) {
            nodeIds.put(nodeNames.get(i), i + 1);
            memberStates.put(nodeNames.get(i), MemberState.MEMBER);
            memberSince.put(nodeNames.get(i), started);
        }
    }

    /** Every member joins lockspace {@code name}. */
    public synchronized FakeCluster lockspace(String name) {
        lockspaceMembers.put(name, new LinkedHashSet<>(nodeIds.values()));
        lockspaces.put(name, new LinkedHashMap<>());
        return this;
    }

    /** Node {@code nodeId} holds {@code mode} on {@code resource} (granted queue); returns the lock id. */
    public synchronized long hold(String lockspace, String resource, int nodeId, LockMode mode) {
        Lock lock = new Lock(lockIds.incrementAndGet(), nodeId, mode, LockMode.IV, clock.instant());
        resource(lockspace, resource, nodeId).granted.add(lock);
        return lock.id();
    }

    /** Node {@code nodeId} asks for {@code mode} on {@code resource} and waits (wait queue). */
    public synchronized long await(String lockspace, String resource, int nodeId, LockMode mode) {
        Lock lock = new Lock(lockIds.incrementAndGet(), nodeId, LockMode.IV, mode, clock.instant());
        resource(lockspace, resource, nodeId).waiting.add(lock);
        return lock.id();
    }

    /** Node {@code nodeId} holds {@code from} and waits to convert to {@code to} (convert queue). */
    public synchronized long convert(String lockspace, String resource, int nodeId, LockMode from, LockMode to) {
        Lock lock = new Lock(lockIds.incrementAndGet(), nodeId, from, to, clock.instant());
        resource(lockspace, resource, nodeId).converting.add(lock);
        return lock.id();
    }

    public synchronized void setLvb(String lockspace, String resource, byte[] lvb) {
        lockspaces.get(lockspace).get(resource).lvb = lvb.clone();
    }

    /** The member is lost: steps 1-2 done, fencing requested and running (DESIGN.md recovery sequence). */
    public synchronized void lose(String node) {
        Instant now = clock.instant();
        memberStates.put(node, MemberState.FENCING);
        memberSince.put(node, now);
        fencing.add(new FenceEvent(node, "disk", FenceOutcome.FAILED, now, "poison pill not acknowledged"));
        recovery.add(new RecoveryStep(node, RecoveryPhase.MEMBER_LOST, StepState.DONE, now, now, "heartbeat lost"));
        recovery.add(new RecoveryStep(node, RecoveryPhase.QUORUM_CHECK, StepState.DONE, now, now, "2 of 3 votes"));
        recovery.add(new RecoveryStep(node, RecoveryPhase.FENCING, StepState.RUNNING, now, null,
                "waiting for fence agent or fence-ack"));
    }

    synchronized int votes() {
        return (int) memberStates.values().stream().filter(s -> s == MemberState.MEMBER).count();
    }

    private Resource resource(String lockspace, String name, int nodeId) {
        Map<String, Resource> resources = lockspaces.get(lockspace);
        if (resources == null) {
            throw new IllegalArgumentException("no lockspace " + lockspace);
        }
        return resources.computeIfAbsent(name, n -> new Resource(n, nodeId));
    }
}
