package org.gfspnfs.membership.hazelcast;

import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.gfspnfs.conf.ClusterConf;
import org.gfspnfs.conf.ClusterNode;
import org.gfspnfs.conf.VoteQuorum;
import org.gfspnfs.membership.api.Member;
import org.gfspnfs.membership.api.MemberEvent;
import org.gfspnfs.membership.api.MemberListener;
import org.gfspnfs.membership.api.MemberView;
import org.gfspnfs.membership.api.ViewSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The member view's state machine. Every mutating method runs on the view's event executor, one at a time, so
 * there is no locking; readers see the last published {@link ViewSnapshot}.
 */
final class ViewState {
    private static final Logger LOG = LoggerFactory.getLogger(ViewState.class);

    private final ClusterConf conf;
    private final Member self;
    private final Map<UUID, Member> byUuid = new HashMap<>();
    private final Map<Integer, Member> members = new HashMap<>();
    private final Set<Member> awaitingFence = new HashSet<>();
    /** Highest incarnation of each node that was lost: it and older lives are never members again. */
    private final Map<Integer, Long> lostUpTo = new HashMap<>();
    private final List<MemberListener> listeners = new CopyOnWriteArrayList<>();
    private VoteQuorum quorum;
    private long viewId = 1;
    private boolean expelled;
    private volatile ViewSnapshot snapshot;
    private volatile VoteQuorum published;

    ViewState(ClusterConf conf, ClusterNode node, long incarnation) {
        this.conf = conf;
        this.self = new Member(node.nodeId(), node.name(), incarnation,
                new InetSocketAddress(node.dlm().host(), node.dlm().port()));
        members.put(self.nodeId(), self);
        quorum = conf.newVoteQuorum().withMembers(members.keySet());
        publish();
    }

    Member self() {
        return self;
    }

    ViewSnapshot snapshot() {
        return snapshot;
    }

    VoteQuorum quorum() {
        return published;
    }

    MemberView.Registration addListener(MemberListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Adds every member of {@code current} not seen yet (start, and Hazelcast's initial membership event). */
    void reconcileAdded(Collection<com.hazelcast.cluster.Member> current) {
        for (com.hazelcast.cluster.Member m : current) {
            if (!byUuid.containsKey(m.getUuid())) {
                added(m);
            }
        }
    }

    void added(com.hazelcast.cluster.Member m) {
        if (expelled || byUuid.containsKey(m.getUuid())) {
            return;
        }
        if (m.localMember()) {
            byUuid.put(m.getUuid(), self);
            return;
        }
        String who = "member " + m.getAddress();
        MemberAttributes.Verdict verdict = MemberAttributes.check(conf, m.getAttributes(), who);
        if (verdict instanceof MemberAttributes.Refused refused) {
            LOG.warn("refusing {}", refused.reason());
            return;
        }
        Member joining = ((MemberAttributes.Accepted) verdict).member();
        if (joining.incarnation() <= lostUpTo.getOrDefault(joining.nodeId(), Long.MIN_VALUE)) {
            LOG.warn("refusing {}: incarnation {} of node {} was lost and is fenced or being fenced; it must "
                    + "restart to rejoin", who, joining.incarnation(), joining.name());
            return;
        }
        Member existing = members.get(joining.nodeId());
        if (existing != null) {
            if (existing.sameIncarnation(joining)) {
                byUuid.put(m.getUuid(), existing);
                return;
            }
            if (existing == self || joining.incarnation() < existing.incarnation()) {
                LOG.warn("refusing {}: node {} (nodeid {}) is already a member with incarnation {}", who,
                        joining.name(), joining.nodeId(), existing.incarnation());
                return;
            }
            // A newer life: the old one is gone even though its heartbeats have not timed out yet.
            lose(existing);
        }
        byUuid.put(m.getUuid(), joining);
        members.put(joining.nodeId(), joining);
        change(MemberEvent.Kind.JOINED, joining);
    }

    void removed(com.hazelcast.cluster.Member m) {
        Member gone = byUuid.remove(m.getUuid());
        if (gone == null || gone == self || !gone.sameIncarnation(members.get(gone.nodeId()))) {
            return;
        }
        byUuid.values().removeIf(gone::equals);
        lose(gone);
    }

    private void lose(Member gone) {
        members.remove(gone.nodeId());
        awaitingFence.add(gone);
        lostUpTo.merge(gone.nodeId(), gone.incarnation(), Math::max);
        byUuid.values().removeIf(gone::equals);
        change(MemberEvent.Kind.LEFT, gone);
    }

    void fenced(Member member) {
        if (awaitingFence.remove(member)) {
            change(MemberEvent.Kind.FENCED, member);
        }
    }

    /** This node was merged after a split: everyone else is gone for it; it stays alone and inquorate. */
    void expel() {
        expelled = true;
        for (Member m : List.copyOf(members.values())) {
            if (m != self) {
                lose(m);
            }
        }
    }

    private void change(MemberEvent.Kind kind, Member who) {
        boolean wasQuorate = quorum.quorate();
        quorum = quorum.withMembers(members.keySet());
        viewId++;
        ViewSnapshot view = publish();
        LOG.info("view {}: {} {} (incarnation {}); {}", viewId, kind, who.name(), who.incarnation(), quorum);
        deliver(new MemberEvent(kind, who, view));
        if (wasQuorate != quorum.quorate()) {
            deliver(new MemberEvent(quorum.quorate() ? MemberEvent.Kind.QUORUM_GAINED
                    : MemberEvent.Kind.QUORUM_LOST, self, view));
        }
    }

    private ViewSnapshot publish() {
        ViewSnapshot view = new ViewSnapshot(viewId, self, List.copyOf(members.values()), awaitingFence,
                quorum.quorate());
        published = quorum;
        snapshot = view;
        return view;
    }

    private void deliver(MemberEvent event) {
        for (MemberListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                LOG.error("member listener {} failed on {}", listener, event.kind(), e);
            }
        }
    }
}
