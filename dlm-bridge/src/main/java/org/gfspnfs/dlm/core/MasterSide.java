package org.gfspnfs.dlm.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gfspnfs.dlm.api.DeadlockReport.Edge;
import org.gfspnfs.dlm.api.DeadlockReport.Holder;
import org.gfspnfs.dlm.api.LockFlag;
import org.gfspnfs.dlm.api.LockId;
import org.gfspnfs.dlm.api.LockMode;
import org.gfspnfs.dlm.api.LockStatus;
import org.gfspnfs.dlm.api.LockValueBlock;
import org.gfspnfs.dlm.api.ResourceName;
import org.gfspnfs.dlm.lock.GrantSink;
import org.gfspnfs.dlm.lock.MasterLock;
import org.gfspnfs.dlm.lock.Outcome;
import org.gfspnfs.dlm.lock.ResourceState;
import org.gfspnfs.dlm.net.msg.Blocking;
import org.gfspnfs.dlm.net.msg.CancelReply;
import org.gfspnfs.dlm.net.msg.DirectoryRemove;
import org.gfspnfs.dlm.net.msg.Failed;
import org.gfspnfs.dlm.net.msg.FlagBits;
import org.gfspnfs.dlm.net.msg.Grant;
import org.gfspnfs.dlm.net.msg.LockReply;
import org.gfspnfs.dlm.net.msg.UnlockReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master and directory roles of one node in one lockspace: the resources it masters (their
 * {@link ResourceState}s), its share of the resource directory, and the handling of lock operations from owners,
 * local or remote. Replies and grants go back to the owner in the order the master produced them: first the reply
 * to the operation, then grants and blocking notifications it caused. Called under the lockspace mutex only.
 */
final class MasterSide {
    private static final Logger LOG = LoggerFactory.getLogger(MasterSide.class);

    private final LockspaceImpl ls;
    private final NodeServices node;
    final Map<ResourceName, ResourceState> resources = new HashMap<>();
    final Map<LockId, MasterLock> locks = new HashMap<>();
    final Map<LockId, ResourceState> lockResource = new HashMap<>();
    final Map<ResourceName, Integer> directory = new HashMap<>();
    /** Mastered resources with no lock, oldest first: freed after the toss delay (see {@link #toss}). */
    final TossList toss = new TossList();

    MasterSide(LockspaceImpl ls, NodeServices node) {
        this.ls = ls;
        this.node = node;
    }

    /** Directory role: the master of {@code name}; the asking node becomes it if there is none. */
    int directoryLookup(ResourceName name, int asker) {
        return directory.computeIfAbsent(name, n -> asker);
    }

    ResourceState ensureResource(ResourceName name) {
        return resources.computeIfAbsent(name, ResourceState::new);
    }

    void request(int owner, long lkid, long holder, ResourceName name, LockMode mode, int flags, Deliveries d) {
        ResourceState r = resources.get(name);
        if (r == null) {
            // freed here after it stayed unused (a master learns it masters a resource before any request comes)
            notMaster(owner, lkid, d);
            return;
        }
        toss.used(name);
        LockId id = new LockId(owner, lkid);
        if (locks.containsKey(id)) {
            LOG.warn("duplicate request for lock {} on {}, ignored", id, name);
            return;
        }
        MasterLock l = new MasterLock(id, holder);
        Events ev = new Events();
        Outcome o = r.request(l, mode, FlagBits.has(flags, LockFlag.NOQUEUE), FlagBits.has(flags, LockFlag.VALBLK),
                ev);
        if (o.kind() != Outcome.Kind.WOULD_BLOCK) {
            locks.put(id, l);
            lockResource.put(id, r);
        }
        reply(l, r, o, d);
        ev.emit(r, d);
    }

    void convert(int owner, long lkid, ResourceName name, LockMode mode, int flags, byte[] writeBack, Deliveries d) {
        LockId id = new LockId(owner, lkid);
        MasterLock l = locks.get(id);
        ResourceState r = lockResource.get(id);
        if (l == null || !r.name().equals(name)) {
            LOG.warn("convert of unknown lock {} on {}, ignored", id, name);
            return;
        }
        Events ev = new Events();
        Outcome o;
        try {
            o = r.convert(l, mode, FlagBits.has(flags, LockFlag.NOQUEUE), FlagBits.has(flags, LockFlag.QUECVT),
                    FlagBits.has(flags, LockFlag.CONVDEADLK), FlagBits.has(flags, LockFlag.VALBLK), writeBack, ev);
        } catch (IllegalStateException e) {
            LOG.warn("convert of lock {} in the wrong state: {}", id, e.getMessage());
            return;
        }
        reply(l, r, o, d);
        ev.emit(r, d);
    }

    void unlock(int owner, long lkid, ResourceName name, byte[] writeBack, Deliveries d) {
        LockId id = new LockId(owner, lkid);
        MasterLock l = locks.get(id);
        ResourceState r = lockResource.get(id);
        if (l == null || !r.name().equals(name)) {
            LOG.warn("unlock of unknown lock {} on {}, ignored", id, name);
            return;
        }
        Events ev = new Events();
        try {
            r.unlock(l, writeBack, ev);
        } catch (IllegalStateException e) {
            LOG.warn("unlock of lock {} in the wrong state: {}", id, e.getMessage());
            return;
        }
        forget(id);
        if (owner == node.selfId()) {
            ls.ownerUnlocked(lkid, d);
        } else {
            node.send(owner, new UnlockReply(ls.name(), lkid));
        }
        ev.emit(r, d);
        tossIfUnused(r);
    }

    private void notMaster(int owner, long lkid, Deliveries d) {
        if (owner == node.selfId()) {
            ls.ownerReply(lkid, LockReply.Kind.NOT_MASTER, null, null, 0, false, 0, d);
        } else {
            node.send(owner, new LockReply(ls.name(), lkid, LockReply.Kind.NOT_MASTER, null, null, false, 0, false,
                    0));
        }
    }

    /** Puts {@code r} on the toss list if no lock is left on it. */
    void tossIfUnused(ResourceState r) {
        if (r.isEmpty()) {
            toss.unused(r.name(), node.nanoTime());
        }
    }

    /**
     * Frees the resources unused since {@code cutoff} (Linux dlm: shrink_bucket / toss_secs) and removes their
     * directory entries: here, or with a {@link DirectoryRemove} to the directory node. A request that still comes
     * for one (an owner that cached this node as master) is answered NOT_MASTER, and the owner looks it up again.
     *
     * @return the names freed
     */
    java.util.List<ResourceName> toss(long cutoff) {
        java.util.List<ResourceName> freed = new ArrayList<>();
        int self = node.selfId();
        for (ResourceName n : toss.expired(cutoff)) {
            ResourceState r = resources.get(n);
            if (r == null || !r.isEmpty()) {
                continue;
            }
            resources.remove(n);
            int dir = node.directoryNode(n);
            if (dir == self) {
                directory.remove(n, self);
            } else {
                node.send(dir, new DirectoryRemove(ls.name(), n));
            }
            freed.add(n);
        }
        return freed;
    }

    /** Directory role: {@code src} freed {@code name}; forget it if the entry still names {@code src}. */
    void directoryRemove(int src, ResourceName name) {
        directory.remove(name, src);
    }

    void cancel(int owner, long lkid, ResourceName name, Deliveries d) {
        LockId id = new LockId(owner, lkid);
        boolean cancelled = takeBack(id, LockStatus.CANCELLED, d);
        if (owner == node.selfId()) {
            ls.ownerCancelReply(lkid, cancelled, d);
        } else {
            node.send(owner, new CancelReply(ls.name(), lkid, cancelled));
        }
    }

    /** Deadlock policy: fail {@code id}'s queued request with DEADLOCK if it still waits. */
    boolean failVictim(LockId id, Deliveries d) {
        return takeBack(id, LockStatus.DEADLOCK, d);
    }

    private boolean takeBack(LockId id, LockStatus status, Deliveries d) {
        MasterLock l = locks.get(id);
        ResourceState r = lockResource.get(id);
        if (l == null) {
            return false;
        }
        boolean newRequest = l.granted() == null;
        Events ev = new Events();
        if (!r.cancel(l, ev)) {
            return false;
        }
        if (newRequest) {
            forget(id);
        }
        if (id.nodeId() == node.selfId()) {
            ls.ownerFailed(id.lkid(), status, d);
        } else {
            node.send(id.nodeId(), new Failed(ls.name(), id.lkid(), status));
        }
        ev.emit(r, d);
        tossIfUnused(r);
        return true;
    }

    void forget(LockId id) {
        locks.remove(id);
        lockResource.remove(id);
    }

    private void reply(MasterLock l, ResourceState r, Outcome o, Deliveries d) {
        LockValueBlock lvb = o.valueBlock();
        LockReply.Kind kind = LockReply.Kind.valueOf(o.kind().name());
        int owner = l.id().nodeId();
        if (owner == node.selfId()) {
            ls.ownerReply(l.id().lkid(), kind, l.granted(), lvb, r.valueBlockSeq(), o.demoted(), o.seq(), d);
        } else {
            node.send(owner, new LockReply(ls.name(), l.id().lkid(), kind, l.granted(),
                    lvb == null ? null : lvb.value(), lvb != null && lvb.valid(), r.valueBlockSeq(), o.demoted(),
                    o.seq()));
        }
    }

    /** The wait-for edges of every resource mastered here: each queued request to each incompatible holder. */
    List<Edge> waitForEdges() {
        List<Edge> edges = new ArrayList<>();
        for (ResourceState r : resources.values()) {
            List<MasterLock> holders = new ArrayList<>(r.grantQueue());
            holders.addAll(r.convertQueue());
            List<MasterLock> queued = new ArrayList<>(r.convertQueue());
            queued.addAll(r.waitQueue());
            for (MasterLock w : queued) {
                for (MasterLock h : holders) {
                    if (h != w && h.granted() != null && !w.requested().compatibleWith(h.granted())) {
                        edges.add(new Edge(new Holder(w.id().nodeId(), w.holder()), w.id(), w.requested(), r.name(),
                                new Holder(h.id().nodeId(), h.holder()), h.id(), h.granted()));
                    }
                }
            }
        }
        return edges;
    }

    /** Collects what a state change did to other locks, to be sent after the operation's own reply. */
    private final class Events implements GrantSink {
        /** A grant (mode == null) or a blocking notice (mode = the blocked request's mode). */
        private record Event(MasterLock lock, LockValueBlock lvb, boolean demoted, LockMode mode, LockId requester,
                             long requesterSeq) {
        }

        private List<Event> events;

        @Override
        public void granted(MasterLock lock, LockValueBlock valueBlock, boolean demoted) {
            add(new Event(lock, valueBlock, demoted, null, null, 0));
        }

        @Override
        public void blocking(MasterLock holder, LockMode mode, MasterLock requester) {
            add(new Event(holder, null, false, mode, requester.id(), requester.seq()));
        }

        private void add(Event e) {
            if (events == null) {
                events = new ArrayList<>(2);
            }
            events.add(e);
        }

        void emit(ResourceState r, Deliveries d) {
            if (events == null) {
                return;
            }
            for (Event e : events) {
                MasterLock l = e.lock();
                int owner = l.id().nodeId();
                if (e.mode() != null) {
                    LockMode mode = e.mode();
                    LockId requester = e.requester();
                    if (owner == node.selfId()) {
                        ls.ownerBlocking(l.id().lkid(), mode, requester, e.requesterSeq(), d);
                    } else {
                        node.send(owner, new Blocking(ls.name(), l.id().lkid(), mode, requester.nodeId(),
                                requester.lkid(), e.requesterSeq()));
                    }
                } else {
                    LockValueBlock lvb = e.lvb();
                    boolean demoted = e.demoted();
                    if (owner == node.selfId()) {
                        ls.ownerGranted(l.id().lkid(), l.granted(), lvb, r.valueBlockSeq(), demoted, d);
                    } else {
                        node.send(owner, new Grant(ls.name(), l.id().lkid(), l.granted(),
                                lvb == null ? null : lvb.value(), lvb != null && lvb.valid(), r.valueBlockSeq(),
                                demoted));
                    }
                }
            }
        }
    }

    /** Emits grants and blocking notifications the queues allow now (after recovery). */
    void grantAll(Deliveries d) {
        for (ResourceState r : resources.values()) {
            Events ev = new Events();
            r.grantPending(ev);
            ev.emit(r, d);
        }
    }
}
