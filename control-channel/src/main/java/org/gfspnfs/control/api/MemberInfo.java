package org.gfspnfs.control.api;

import java.time.Instant;

/** One configured node in the member view: id, name, state, votes, and since when it is in that state. */
public record MemberInfo(int nodeId, String name, MemberState state, int votes, Instant since) {
}
