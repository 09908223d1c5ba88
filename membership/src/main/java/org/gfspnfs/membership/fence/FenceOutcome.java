package org.gfspnfs.membership.fence;

import java.util.Objects;

/**
 * What an agent run ended with.
 *
 * @param success true only when the agent confirmed the victim is cut off
 * @param detail  what happened, for the attempt log and {@code gfsctl status} (exit status, agent output, ...)
 */
public record FenceOutcome(boolean success, String detail) {
    public FenceOutcome {
        Objects.requireNonNull(detail, "detail");
    }

    public static FenceOutcome confirmed(String detail) {
        return new FenceOutcome(true, detail);
    }

    public static FenceOutcome failed(String detail) {
        return new FenceOutcome(false, detail);
    }
}
