package org.gfspnfs.membership.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An in-JVM member view driven by hand, for tests and single-process tools: one controller holds the truth of the
 * cluster and hands every node its own {@link MemberView}. Crash, fence, isolate and rejoin are explicit calls, so a
 * test decides exactly when a lost node counts as fenced (the production implementation fences through agents and
 * the disk poison pill).
 *
 * <p>Quorum is a simple majority of {@code expectedNodes} (one vote each), as votequorum computes it without
 * two_node. Each node's view delivers its events on its own thread, in order.
 */
public final class ManualMembership implements AutoCloseable {
    private final int expectedNodes;
    private final Map<Integer, NodeView> views = new HashMap<>();

    public ManualMembership(int expectedNodes) {
        if (expectedNodes <= 0) {
            throw new IllegalArgumentException("expectedNodes must be positive");
        }
        this.expectedNodes = expectedNodes;
    }

    /**
     * Makes {@code member} a member: every connected view gets JOINED; the new node gets a fresh view listing every
     * connected member. A previous life of the same node id must have been crashed first.
     */
    public synchronized MemberView join(Member member) {
        NodeView old = views.get(member.nodeId());
        if (old != null && !old.closed) {
            throw new IllegalStateException("node " + member.nodeId() + " is still a member; crash it first");
        }
        List<Member> present = new ArrayList<>();
        for (NodeView v : views.values()) {
            if (!v.closed && !v.isolated) {
                present.add(v.self);
            }
        }
        present.add(member);
        NodeView view = new NodeView(member, present);
        for (NodeView v : liveViews()) {
            if (!v.isolated) {
                v.apply(MemberEvent.Kind.JOINED, member);
            }
        }
        if (old != null) {
            old.shutdown();
        }
        views.put(member.nodeId(), view);
        return view;
    }

    /** The node crashed: survivors see LEFT; the node's own view stops delivering. */
    public synchronized void crash(int nodeId) {
        NodeView gone = require(nodeId);
        gone.closed = true;
        for (NodeView v : liveViews()) {
            if (v.knows(nodeId)) {
                v.apply(MemberEvent.Kind.LEFT, gone.self);
            }
        }
    }

    /** The node is cut off: survivors see LEFT, the node itself sees everyone else LEFT (and loses quorum). */
    public synchronized void isolate(int nodeId) {
        NodeView isolated = require(nodeId);
        for (NodeView v : liveViews()) {
            if (v != isolated && v.knows(nodeId)) {
                v.apply(MemberEvent.Kind.LEFT, isolated.self);
                isolated.apply(MemberEvent.Kind.LEFT, v.self);
            }
        }
        isolated.isolated = true;
    }

    /** Fencing of a lost node succeeded: every survivor that saw it leave gets FENCED. The node's view closes. */
    public synchronized void fence(int nodeId) {
        NodeView fenced = views.get(nodeId);
        if (fenced == null) {
            throw new IllegalArgumentException("unknown node " + nodeId);
        }
        fenced.closed = true;
        for (NodeView v : liveViews()) {
            if (v.awaiting(nodeId)) {
                v.apply(MemberEvent.Kind.FENCED, fenced.self);
            }
        }
    }

    /** The current view of one node, if it is alive. */
    public synchronized Optional<MemberView> view(int nodeId) {
        NodeView v = views.get(nodeId);
        return v == null || v.closed ? Optional.empty() : Optional.of(v);
    }

    private NodeView require(int nodeId) {
        NodeView v = views.get(nodeId);
        if (v == null || v.closed) {
            throw new IllegalArgumentException("node " + nodeId + " is not a live member");
        }
        return v;
    }

    private List<NodeView> liveViews() {
        return views.values().stream().filter(v -> !v.closed).toList();
    }

    @Override
    public synchronized void close() {
        views.values().forEach(NodeView::shutdown);
        views.clear();
    }

    private final class NodeView implements MemberView {
        private final Member self;
        private final ExecutorService events;
        private final List<MemberListener> listeners = new CopyOnWriteArrayList<>();
        private final Map<Integer, Member> members = new HashMap<>();
        private final Set<Member> awaitingFence = new HashSet<>();
        private long viewId = 1;
        private boolean quorate;
        private volatile boolean closed;
        private boolean isolated;

        NodeView(Member self, List<Member> present) {
            this.self = self;
            present.forEach(m -> members.put(m.nodeId(), m));
            this.quorate = members.size() > expectedNodes / 2;
            this.events = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "member-view-" + self.nodeId());
                t.setDaemon(true);
                return t;
            });
        }

        synchronized boolean knows(int nodeId) {
            return members.containsKey(nodeId);
        }

        synchronized boolean awaiting(int nodeId) {
            return awaitingFence.stream().anyMatch(m -> m.nodeId() == nodeId);
        }

        void apply(MemberEvent.Kind kind, Member who) {
            List<MemberEvent> out = new ArrayList<>(2);
            synchronized (this) {
                boolean wasQuorate = quorate;
                switch (kind) {
                    case JOINED -> members.put(who.nodeId(), who);
                    case LEFT -> {
                        members.remove(who.nodeId());
                        awaitingFence.add(who);
                    }
                    case FENCED -> awaitingFence.removeIf(m -> m.nodeId() == who.nodeId());
                    default -> throw new IllegalArgumentException(kind.name());
                }
                viewId++;
                quorate = members.size() > expectedNodes / 2;
                out.add(new MemberEvent(kind, who, snapshotLocked()));
                if (wasQuorate != quorate) {
                    out.add(new MemberEvent(quorate ? MemberEvent.Kind.QUORUM_GAINED : MemberEvent.Kind.QUORUM_LOST,
                            self, snapshotLocked()));
                }
            }
            for (MemberEvent e : out) {
                deliver(e);
            }
        }

        private void deliver(MemberEvent e) {
            if (events.isShutdown()) {
                return;
            }
            events.execute(() -> {
                for (MemberListener l : listeners) {
                    l.onEvent(e);
                }
            });
        }

        private ViewSnapshot snapshotLocked() {
            return new ViewSnapshot(viewId, self, List.copyOf(members.values()), awaitingFence, quorate);
        }

        @Override
        public synchronized ViewSnapshot snapshot() {
            return snapshotLocked();
        }

        @Override
        public Registration addListener(MemberListener listener) {
            listeners.add(listener);
            return () -> listeners.remove(listener);
        }

        void shutdown() {
            closed = true;
            events.shutdown();
            try {
                events.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
