package org.gfspnfs.node.daemon;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.gfspnfs.control.api.ClientInfo;
import org.gfspnfs.control.api.ClientState;
import org.gfspnfs.control.api.CommandOutcome;
import org.gfspnfs.control.api.CommandRefusedException;
import org.gfspnfs.control.api.ControlException;
import org.gfspnfs.control.api.LayoutFilter;
import org.gfspnfs.control.api.LayoutInfo;
import org.gfspnfs.control.api.LayoutIoMode;
import org.gfspnfs.control.api.NoSuchEntityException;
import org.gfspnfs.control.api.DelegationInfo;
import org.gfspnfs.control.api.DelegationType;
import org.gfspnfs.control.api.OpenInfo;
import org.gfspnfs.control.api.RecallTarget;
import org.gfspnfs.control.api.SessionInfo;
import org.gfspnfs.control.api.ShareAccess;
import org.gfspnfs.control.api.ShareDeny;
import org.gfspnfs.control.spi.NfsStateControl;
import org.gfspnfs.control.spi.NfsStateView;
import org.gfspnfs.mds.layout.DataServerAddress;
import org.gfspnfs.nfs41.compound.ServerServices;
import org.gfspnfs.nfs41.pnfs.LayoutRange;
import org.gfspnfs.nfs41.pnfs.LayoutState;
import org.gfspnfs.nfs41.pnfs.LayoutStateTable;
import org.gfspnfs.nfs41.session.NfsClient;
import org.gfspnfs.nfs41.state.DelegationState;
import org.gfspnfs.nfs41.state.OpenState;
import org.gfspnfs.nfs41.session.Session;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.vfs.Inode;

/**
 * The MDS's NFSv4.1 state as {@code gfsctl clients/sessions/layouts} see it, and the operator's recall and evict
 * commands (RFC 8881 sections 2.4, 2.10, 12.5, 20.3, 8.3). Reads the engine's client and session registries and the
 * layout stateid table; nothing here blocks on a client.
 *
 * <p>A file is named by its inode number, which is the NFS fileid a client shows ({@code ls -i}), so an operator
 * can go from a file on a client to {@code gfsctl layouts --file N}.
 *
 * <p>Limits of what the engine exposes today: sessions carry no creation time, so {@code created} is when this view first saw the session; a layout does not record which
 * device it was granted on, so it lists the data servers new layouts stripe over.
 */
final class MdsStateView implements NfsStateView, NfsStateControl {
    private final ServerServices engine;
    private final MetadataServerRole mds;
    private final Clock clock;
    private final Map<String, Instant> sessionsSeen = new ConcurrentHashMap<>();
    private volatile List<DataServerAddress> dataServers = List.of();

    MdsStateView(MetadataServerRole mds, Clock clock) {
        this.engine = mds.server().services();
        this.mds = mds;
        this.clock = clock;
    }

    /** The data servers layouts currently stripe over (set when the daemon announces them to the MDS). */
    void dataServers(List<DataServerAddress> list) {
        dataServers = List.copyOf(list);
    }

    @Override
    public List<ClientInfo> clients() {
        List<LayoutStateTable.Holding> layouts = mds.layouts().all();
        long leaseMillis = engine.config().lease().toMillis();
        Map<Long, Long> opens = engine.states().opens().stream()
                .collect(Collectors.groupingBy(OpenState::clientId, Collectors.counting()));
        List<ClientInfo> out = new ArrayList<>();
        for (NfsClient c : engine.clients().clients()) {
            int held = (int) layouts.stream().filter(h -> h.clientId() == c.id()).count();
            out.add(new ClientInfo(c.id(), owner(c), address(c), state(c, leaseMillis),
                    Instant.ofEpochMilli(c.lastRenewMillis() + leaseMillis), c.sessions().size(),
                    opens.getOrDefault(c.id(), 0L).intValue(), held));
        }
        return out;
    }

    @Override
    public List<SessionInfo> sessions() {
        Set<String> live = engine.sessions().all().stream().map(Session::key).collect(Collectors.toSet());
        sessionsSeen.keySet().retainAll(live);
        List<SessionInfo> out = new ArrayList<>();
        for (Session s : engine.sessions().all()) {
            Instant seen = sessionsSeen.computeIfAbsent(s.key(), k -> clock.instant());
            out.add(new SessionInfo(HexFormat.of().formatHex(s.id()), s.client().id(), s.slots().size(),
                    s.backConnection() != null, seen));
        }
        return out;
    }

    @Override
    public List<OpenInfo> opens() {
        List<OpenInfo> out = new ArrayList<>();
        for (OpenState o : engine.states().opens()) {
            out.add(new OpenInfo(HexFormat.of().formatHex(o.stateId().other()), o.clientId(), file(o.inode()),
                    SHARE_ACCESS[o.access() & 3], SHARE_DENY[o.deny() & 3]));
        }
        return out;
    }

    @Override
    public List<DelegationInfo> delegations() {
        List<DelegationInfo> out = new ArrayList<>();
        for (DelegationState d : engine.states().delegations()) {
            out.add(new DelegationInfo(HexFormat.of().formatHex(d.stateId().other()), d.clientId(), file(d.inode()),
                    d.write() ? DelegationType.WRITE : DelegationType.READ, d.recalled()));
        }
        return out;
    }

    /** OPEN4_SHARE_ACCESS_* and OPEN4_SHARE_DENY_* (RFC 8881 section 18.16.3) are 2-bit masks. */
    private static final ShareAccess[] SHARE_ACCESS = {ShareAccess.READ, ShareAccess.READ, ShareAccess.WRITE,
        ShareAccess.BOTH};
    private static final ShareDeny[] SHARE_DENY = {ShareDeny.NONE, ShareDeny.READ, ShareDeny.WRITE,
        ShareDeny.BOTH};

    @Override
    public List<LayoutInfo> layouts(LayoutFilter filter) {
        List<String> names = dataServers.stream().map(DataServerAddress::name).toList();
        List<LayoutInfo> out = new ArrayList<>();
        for (LayoutStateTable.Holding h : mds.layouts().all()) {
            if (!matches(filter, h, names)) {
                continue;
            }
            String sid = HexFormat.of().formatHex(h.stateid().other());
            for (LayoutRange r : h.ranges()) {
                out.add(new LayoutInfo(sid, h.clientId(), file(h.inode()), ioMode(r), r.offset(), r.length(), names,
                        h.state() == LayoutState.RECALLING));
            }
        }
        return out;
    }

    private static boolean matches(LayoutFilter f, LayoutStateTable.Holding h, List<String> names) {
        return switch (f.kind()) {
            case ALL -> true;
            case FILE -> file(h.inode()).equals(f.value());
            case DATA_SERVER -> names.contains(f.value());
        };
    }

    @Override
    public CommandOutcome recallLayouts(RecallTarget target) throws ControlException {
        List<LayoutStateTable.Holding> all = mds.layouts().all();
        if (target.kind() == RecallTarget.Kind.FILE) {
            Inode inode = all.stream().map(LayoutStateTable.Holding::inode)
                    .filter(i -> file(i).equals(target.file())).findFirst()
                    .orElseThrow(() -> new NoSuchEntityException("no layout of file " + target.file()
                            + " is held (files are named by inode number, as 'ls -i' shows)"));
            int n = mds.provider().recallFile(inode);
            return new CommandOutcome("CB_LAYOUTRECALL sent for " + n + " layout(s) of file " + target.file(), n);
        }
        // The layout manager recalls per file; a client's files are recalled for every holder of them.
        List<Inode> files = all.stream().filter(h -> h.clientId() == target.clientId())
                .map(LayoutStateTable.Holding::inode).distinct().toList();
        if (files.isEmpty()) {
            throw new NoSuchEntityException("client " + hex(target.clientId()) + " holds no layout");
        }
        int n = 0;
        for (Inode i : files) {
            n += mds.provider().recallFile(i);
        }
        return new CommandOutcome("CB_LAYOUTRECALL sent for " + n + " layout(s) on the " + files.size()
                + " file(s) client " + hex(target.clientId()) + " holds (other holders of those files included)", n);
    }

    @Override
    public CommandOutcome evictClient(long clientId) throws ControlException {
        NfsClient c;
        try {
            c = engine.clients().get(clientId);
        } catch (NfsException e) {
            throw new NoSuchEntityException("no client " + hex(clientId));
        }
        int states = engine.states().stateCount(clientId);
        int sessions = c.sessions().size();
        // As on lease expiry (RFC 8881 section 8.3): sessions first, then the record; the engine's client-end
        // hook releases opens, locks, delegations and layouts and tells the layout manager.
        for (Session s : List.copyOf(c.sessions())) {
            engine.callbacks().sessionGone(s);
            engine.sessions().destroy(s);
        }
        try {
            engine.clients().destroy(clientId);
        } catch (NfsException e) {
            throw new CommandRefusedException("client " + hex(clientId) + " could not be evicted: "
                    + e.getMessage(), e);
        }
        return new CommandOutcome("evicted client " + hex(clientId) + ": " + sessions + " session(s), " + states
                + " state(s) released", 1 + sessions + states);
    }

    static String file(Inode inode) {
        return Long.toString(inode.number());
    }

    private static String hex(long id) {
        return String.format("%016x", id);
    }

    private static LayoutIoMode ioMode(LayoutRange r) {
        return switch (r.ioMode()) {
            case READ -> LayoutIoMode.READ;
            case READ_WRITE, ANY -> LayoutIoMode.RW;
        };
    }

    private ClientState state(NfsClient c, long leaseMillis) {
        return switch (c.state()) {
            case UNCONFIRMED -> ClientState.UNCONFIRMED;
            case CONFIRMED -> clock.millis() - c.lastRenewMillis() > leaseMillis ? ClientState.COURTESY
                    : ClientState.CONFIRMED;
            case EXPIRED, DESTROYED -> ClientState.EXPIRED;
        };
    }

    /** The client owner (co_ownerid): Linux sends readable text ("Linux NFSv4.1 host"), others may send bytes. */
    private static String owner(NfsClient c) {
        byte[] raw = HexFormat.of().parseHex(c.ownerKey());
        for (byte b : raw) {
            if (b < 0x20 || b > 0x7e) {
                return c.ownerKey();
            }
        }
        return new String(raw, java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** Where the client's backchannel connects from; empty when it has none (the engine keeps no fore address). */
    private static String address(NfsClient c) {
        for (Session s : c.sessions()) {
            InetSocketAddress a = s.backConnection() == null ? null : s.backConnection().getRemoteSocketAddress();
            if (a != null) {
                return a.getAddress().getHostAddress() + ":" + a.getPort();
            }
        }
        return "";
    }
}
