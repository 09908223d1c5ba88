package org.gfspnfs.membership.fence;

import java.time.Instant;
import java.util.Objects;

/**
 * A finished fencing: the victim is confirmed cut off from shared storage.
 *
 * @param nodeId      the victim
 * @param incarnation the life of the victim that was fenced (0 = every life)
 * @param how         which method did it, or "manual acknowledgement by ..."
 * @param at          when it was confirmed
 */
public record FenceResult(int nodeId, long incarnation, String how, Instant at) {
    public FenceResult {
        Objects.requireNonNull(how, "how");
        Objects.requireNonNull(at, "at");
    }
}
