package org.gfspnfs.membership.api;

import java.util.Objects;

/**
 * A change of the member view, delivered to {@link MemberListener}s in the order the view changed.
 *
 * <p>The lifecycle of a member seen by the survivors is {@code JOINED -> LEFT -> FENCED}: {@code LEFT} says the node
 * is no longer a member (crashed, hung or partitioned away); {@code FENCED} says it has been cut off from the
 * shared storage and can no longer write, which is what gates DLM and journal recovery (see DESIGN.md, "Recovery
 * sequence", steps 3 and 4). {@code QUORUM_GAINED}/{@code QUORUM_LOST} carry no member of interest ({@link #member()}
 * is the local member).
 *
 * @param kind     what happened
 * @param member   the member it happened to
 * @param snapshot the whole view right after this event
 */
public record MemberEvent(Kind kind, Member member, ViewSnapshot snapshot) {

    /** Kinds of view change. */
    public enum Kind {
        /** A new incarnation of a node became a member. */
        JOINED,
        /** A member is gone (crash, hang, partition); it must be fenced before its locks are recovered. */
        LEFT,
        /** A member that LEFT has been fenced: it can no longer touch shared storage. */
        FENCED,
        /** This node's partition now has quorum. */
        QUORUM_GAINED,
        /** This node's partition lost quorum: freeze, grant nothing, write nothing. */
        QUORUM_LOST
    }

    public MemberEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(snapshot, "snapshot");
    }
}
