package org.gfspnfs.membership.fence;

import java.time.Instant;
import java.util.Objects;

/**
 * A fencing that some survivor saw confirmed, as it records it on shared storage for every other survivor (fenced's
 * "victim fenced" message to the other members of the fence domain, here through the disk).
 *
 * @param nodeId      the victim
 * @param incarnation the victim's life that was fenced
 * @param fencer      node id of the survivor that confirmed it (ran the agent, or took the operator's ack)
 * @param how         the method and agent, or "manual acknowledgement by ..."
 * @param at          when it was confirmed (for status only)
 */
public record FenceConfirmation(int nodeId, long incarnation, int fencer, String how, Instant at) {
    public FenceConfirmation {
        Objects.requireNonNull(how, "how");
        Objects.requireNonNull(at, "at");
    }
}
