package org.gfspnfs.membership.api;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable picture of the member view at one moment.
 *
 * <p>{@code viewId} grows by at least one with every change of {@code members} or {@code awaitingFence}, so two
 * snapshots with the same id describe the same view. Recovery protocols use it as their epoch.
 *
 * @param viewId        monotonically increasing view generation
 * @param self          the local member
 * @param members       current members, including {@code self}, sorted by node id
 * @param awaitingFence members that LEFT and are not yet FENCED; no recovery of their state may start while this is
 *                      non-empty
 * @param quorate       whether this node's partition has quorum
 */
public record ViewSnapshot(long viewId, Member self, List<Member> members, Set<Member> awaitingFence,
                           boolean quorate) {
    public ViewSnapshot {
        members = members.stream().sorted(Comparator.comparingInt(Member::nodeId)).toList();
        awaitingFence = Set.copyOf(awaitingFence);
    }

    /** The current member with this node id, if any. */
    public Optional<Member> member(int nodeId) {
        return members.stream().filter(m -> m.nodeId() == nodeId).findFirst();
    }

    /** True when the view is stable enough to run recovery: quorate and every lost member fenced. */
    public boolean recoverable() {
        return quorate && awaitingFence.isEmpty();
    }
}
