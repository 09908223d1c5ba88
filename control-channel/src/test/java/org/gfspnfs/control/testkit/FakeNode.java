package org.gfspnfs.control.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;

import org.gfspnfs.control.api.ClientInfo;
import org.gfspnfs.control.api.ClientState;
import org.gfspnfs.control.api.CommandOutcome;
import org.gfspnfs.control.api.CommandRefusedException;
import org.gfspnfs.control.api.ControlException;
import org.gfspnfs.control.api.FenceEvent;
import org.gfspnfs.control.api.FenceOutcome;
import org.gfspnfs.control.api.FilesystemState;
import org.gfspnfs.control.api.JournalInfo;
import org.gfspnfs.control.api.JournalState;
import org.gfspnfs.control.api.LayoutFilter;
import org.gfspnfs.control.api.LayoutInfo;
import org.gfspnfs.control.api.LayoutIoMode;
import org.gfspnfs.control.api.LockspaceInfo;
import org.gfspnfs.control.api.LockspaceState;
import org.gfspnfs.control.api.MemberInfo;
import org.gfspnfs.control.api.MemberState;
import org.gfspnfs.control.api.NoSuchEntityException;
import org.gfspnfs.control.api.NodeStatus;
import org.gfspnfs.control.api.DelegationInfo;
import org.gfspnfs.control.api.DelegationType;
import org.gfspnfs.control.api.OpenInfo;
import org.gfspnfs.control.api.QuorumInfo;
import org.gfspnfs.control.api.RecallTarget;
import org.gfspnfs.control.api.RecoveryPhase;
import org.gfspnfs.control.api.RecoveryStep;
import org.gfspnfs.control.api.ResourceInfo;
import org.gfspnfs.control.api.Revocation;
import org.gfspnfs.control.api.RgrpUsage;
import org.gfspnfs.control.api.SessionInfo;
import org.gfspnfs.control.api.ShareAccess;
import org.gfspnfs.control.api.ShareDeny;
import org.gfspnfs.control.api.StateidQuery;
import org.gfspnfs.control.api.StateidVerdict;
import org.gfspnfs.control.api.StepState;
import org.gfspnfs.control.api.WaiterInfo;
import org.gfspnfs.control.api.WaitersReport;
import org.gfspnfs.control.spi.ControlProviders;
import org.gfspnfs.control.spi.FencingControl;
import org.gfspnfs.control.spi.FilesystemView;
import org.gfspnfs.control.spi.LockspaceControl;
import org.gfspnfs.control.spi.LockspaceView;
import org.gfspnfs.control.spi.MembershipView;
import org.gfspnfs.control.spi.NfsStateControl;
import org.gfspnfs.control.spi.NfsStateView;
import org.gfspnfs.control.spi.RevocationListener;
import org.gfspnfs.control.spi.StateidAuthority;

/**
 * One node's view of a {@link FakeCluster}, implementing every control-channel SPI the way the node daemon will over
 * membership, dlm-bridge, gfs-layout and pnfs-mds. The node with the MDS role also holds NFS state; the others do not
 * serve it. Counts provider calls so tests can prove a refused call never reached a provider.
 */
public final class FakeNode implements MembershipView, LockspaceView, FilesystemView, NfsStateView, FencingControl,
        NfsStateControl, LockspaceControl, StateidAuthority, RevocationListener {
    public static final long CLIENT_ID = 0x5f3e2a1000000001L;
    public static final byte[] OPEN_STATEID = HexFormat.of().parseHex("00000001a1b2c3d4e5f60718293a4b5c");
    public static final byte[] FILE_HANDLE = HexFormat.of().parseHex("01000000000003e9");

    private final FakeCluster cluster;
    private final String name;
    private final int nodeId;
    private final boolean mds;
    private final AtomicInteger providerCalls = new AtomicInteger();
    private final Map<Long, ClientState> clients = new ConcurrentHashMap<>();
    private final AtomicInteger revokedAnswers = new AtomicInteger();
    private final FakeWritePath writePath = new FakeWritePath();

    public FakeNode(FakeCluster cluster, String name, boolean mds) {
        this.cluster = cluster;
        this.name = name;
        this.nodeId = cluster.nodeIds.get(name);
        this.mds = mds;
        if (mds) {
            clients.put(CLIENT_ID, ClientState.CONFIRMED);
        }
    }

    public ControlProviders providers() {
        ControlProviders.Builder b = ControlProviders.builder().membership(this).lockspaces(this).filesystems(this)
                .fencing(this).lockspaceControl(this).revocations(this);
        if (mds) {
            b.nfsState(this).nfsControl(this).stateidAuthority(this).writePath(writePath);
        }
        return b.build();
    }

    public String name() {
        return name;
    }

    public int nodeId() {
        return nodeId;
    }

    /** How many times any provider method ran on this node. */
    public int providerCalls() {
        return providerCalls.get();
    }

    public int revokedAnswers() {
        return revokedAnswers.get();
    }

    private Instant now() {
        providerCalls.incrementAndGet();
        return cluster.clock.instant();
    }

    @Override
    public NodeStatus status() {
        Instant now = now();
        synchronized (cluster) {
            List<MemberInfo> members = new ArrayList<>();
            cluster.nodeIds.forEach((n, id) -> members.add(new MemberInfo(id, n, cluster.memberStates.get(n), 1,
                    cluster.memberSince.get(n))));
            int votes = cluster.votes();
            return new NodeStatus(name, nodeId, now, mds ? List.of("mds", "ds") : List.of("ds"), members,
                    new QuorumInfo(votes >= 2, 3, votes, 2, false, false), cluster.fencing, cluster.recovery);
        }
    }

    @Override
    public List<LockspaceInfo> lockspaces() {
        Instant now = now();
        synchronized (cluster) {
            List<LockspaceInfo> out = new ArrayList<>();
            cluster.lockspaceMembers.forEach((ls, members) -> {
                if (members.contains(nodeId)) {
                    List<FakeCluster.Resource> mine = mine(ls);
                    int locks = (int) mine.stream().flatMap(r -> r.all().stream())
                            .filter(l -> l.nodeId() == nodeId).count();
                    out.add(new LockspaceInfo(ls, globalId(ls), LockspaceState.RUNNING, List.copyOf(members),
                            mine.size(), locks));
                }
            });
            return out;
        }
    }

    @Override
    public List<ResourceInfo> resources(String lockspace) throws ControlException {
        Instant now = now();
        synchronized (cluster) {
            if (!cluster.lockspaceMembers.getOrDefault(lockspace, java.util.Set.of()).contains(nodeId)) {
                throw new NoSuchEntityException("node " + name + " is not in lockspace " + lockspace);
            }
            return mine(lockspace).stream().map(r -> new ResourceInfo(r.name, r.master,
                    r.granted.stream().map(l -> l.entry(now)).toList(),
                    r.converting.stream().map(l -> l.entry(now)).toList(),
                    r.waiting.stream().map(l -> l.entry(now)).toList(), r.lvb, r.lvbValid)).toList();
        }
    }

    @Override
    public WaitersReport waiters(Optional<String> lockspace) {
        Instant now = now();
        synchronized (cluster) {
            List<WaiterInfo> waiters = new ArrayList<>();
            cluster.lockspaces.forEach((ls, resources) -> {
                if (lockspace.isEmpty() || lockspace.get().equals(ls)) {
                    resources.values().stream().filter(r -> r.master == nodeId).forEach(r -> {
                        r.converting.forEach(l -> waiters.add(waiter(ls, r, l, now)));
                        r.waiting.forEach(l -> waiters.add(waiter(ls, r, l, now)));
                    });
                }
            });
            return new WaitersReport(waiters, List.of());
        }
    }

    private static WaiterInfo waiter(String ls, FakeCluster.Resource r, FakeCluster.Lock l, Instant now) {
        return new WaiterInfo(ls, r.name, l.id(), l.nodeId(), l.granted(), l.requested(),
                Duration.between(l.since(), now));
    }

    private List<FakeCluster.Resource> mine(String lockspace) {
        return cluster.lockspaces.getOrDefault(lockspace, Map.of()).values().stream()
                .filter(r -> r.involves(nodeId)).toList();
    }

    private static long globalId(String lockspace) {
        CRC32 crc = new CRC32();
        crc.update(lockspace.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return crc.getValue();
    }

    @Override
    public List<FilesystemState> filesystems() {
        now();
        synchronized (cluster) {
            List<JournalInfo> journals = new ArrayList<>();
            cluster.nodeIds.forEach((n, id) -> journals.add(new JournalInfo(id - 1, n,
                    cluster.memberStates.get(n) == MemberState.MEMBER ? JournalState.IN_USE : JournalState.DIRTY,
                    1000L * id)));
            List<RgrpUsage> rgrps = List.of(new RgrpUsage(0, 17, 65_536, 12_000, 410, 1),
                    new RgrpUsage(1, 65_553, 65_536, 60_000, 12, 2),
                    new RgrpUsage(2, 131_089, 65_536, 65_536, 0, 0));
            return List.of(new FilesystemState("gfs0", "/dev/shared0", 4096, journals, rgrps));
        }
    }

    @Override
    public List<ClientInfo> clients() {
        Instant now = now();
        return clients.entrySet().stream().map(e -> new ClientInfo(e.getKey(), "Linux NFSv4.1 client1",
                "127.0.0.1:811", e.getValue(), now.plusSeconds(90), 1, 1, 1)).toList();
    }

    @Override
    public List<SessionInfo> sessions() {
        Instant now = now();
        return clients.keySet().stream().map(id -> new SessionInfo("5f3e2a10000000010000000000000001", id, 64,
                true, now.minusSeconds(30))).toList();
    }

    @Override
    public List<OpenInfo> opens() {
        now();
        return clients.keySet().stream().map(id -> new OpenInfo(HexFormat.of().formatHex(OPEN_STATEID), id,
                "ino:1001", ShareAccess.BOTH, ShareDeny.NONE)).toList();
    }

    @Override
    public List<DelegationInfo> delegations() {
        now();
        return clients.keySet().stream().map(id -> new DelegationInfo("00000003a1b2c3d4e5f60718293a4b5c", id,
                "ino:1001", DelegationType.WRITE, true)).toList();
    }

    @Override
    public List<LayoutInfo> layouts(LayoutFilter filter) {
        now();
        List<LayoutInfo> all = clients.keySet().stream().map(id -> new LayoutInfo(
                "00000002a1b2c3d4e5f60718293a4b5c", id, "ino:1001", LayoutIoMode.RW, 0, -1,
                List.of("node1", "node2", "node3"), false)).toList();
        return all.stream().filter(l -> switch (filter.kind()) {
            case ALL -> true;
            case FILE -> l.file().equals(filter.value());
            case DATA_SERVER -> l.dataServers().contains(filter.value());
        }).toList();
    }

    @Override
    public CommandOutcome acknowledgeFence(String victim) throws ControlException {
        Instant now = now();
        synchronized (cluster) {
            MemberState state = cluster.memberStates.get(victim);
            if (state == null) {
                throw new NoSuchEntityException("no node " + victim);
            }
            if (state != MemberState.FENCING) {
                throw new CommandRefusedException(victim + " is " + state + ", not being fenced");
            }
            cluster.memberStates.put(victim, MemberState.FENCED);
            cluster.memberSince.put(victim, now);
            cluster.fencing.add(new FenceEvent(victim, "manual", FenceOutcome.ACKNOWLEDGED, now,
                    "acknowledged via " + name));
            cluster.recovery.replaceAll(s -> s.phase() == RecoveryPhase.FENCING && s.lostNode().equals(victim)
                    ? new RecoveryStep(victim, RecoveryPhase.FENCING, StepState.DONE, s.startedAt(), now,
                    "fence acknowledged by operator") : s);
            return new CommandOutcome("fencing of " + victim + " acknowledged", 1);
        }
    }

    @Override
    public CommandOutcome recallLayouts(RecallTarget target) {
        now();
        int n = target.kind() == RecallTarget.Kind.CLIENT ? (clients.containsKey(target.clientId()) ? 1 : 0)
                : (target.file().equals("ino:1001") ? clients.size() : 0);
        return new CommandOutcome("recalled " + n + " layouts", n);
    }

    @Override
    public CommandOutcome evictClient(long clientId) throws ControlException {
        now();
        if (clients.remove(clientId) == null) {
            throw new NoSuchEntityException(String.format("no client %016x", clientId));
        }
        return new CommandOutcome(String.format("client %016x evicted", clientId), 1);
    }

    @Override
    public CommandOutcome leave(String lockspace) throws ControlException {
        now();
        synchronized (cluster) {
            if (!cluster.lockspaceMembers.containsKey(lockspace)
                    || !cluster.lockspaceMembers.get(lockspace).remove(nodeId)) {
                throw new NoSuchEntityException(name + " is not in lockspace " + lockspace);
            }
            return new CommandOutcome(name + " left " + lockspace, 1);
        }
    }

    @Override
    public CommandOutcome join(String lockspace) throws ControlException {
        now();
        synchronized (cluster) {
            if (!cluster.lockspaceMembers.containsKey(lockspace)) {
                cluster.lockspace(lockspace);
                cluster.lockspaceMembers.get(lockspace).retainAll(List.of(nodeId));
            } else if (!cluster.lockspaceMembers.get(lockspace).add(nodeId)) {
                throw new CommandRefusedException(name + " is already in " + lockspace);
            }
            return new CommandOutcome(name + " joined " + lockspace, 1);
        }
    }

    @Override
    public StateidVerdict validate(StateidQuery query) {
        now();
        boolean known = java.util.Arrays.equals(query.stateid(), OPEN_STATEID) && clients.containsKey(CLIENT_ID);
        if (!known) {
            return new StateidVerdict(StateidVerdict.Verdict.BAD_STATEID, Duration.ZERO, 0);
        }
        if (!java.util.Arrays.equals(query.fileHandle(), FILE_HANDLE)) {
            return new StateidVerdict(StateidVerdict.Verdict.WRONG_FILE, Duration.ZERO, CLIENT_ID);
        }
        return new StateidVerdict(StateidVerdict.Verdict.VALID, Duration.ofSeconds(30), CLIENT_ID);
    }

    @Override
    public int revoked(Revocation revocation) {
        now();
        int n = revocation.scope() == Revocation.Scope.STATEIDS ? revocation.stateids().size() : 1;
        revokedAnswers.addAndGet(n);
        return n;
    }
}
