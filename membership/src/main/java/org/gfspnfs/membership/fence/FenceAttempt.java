package org.gfspnfs.membership.fence;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One agent run in the fencing of a node, as {@code fence_tool ls}/{@code dlm_tool status} would show it.
 *
 * @param nodeId  the victim
 * @param method  the victim's fence method the device belongs to
 * @param device  the fence device name
 * @param agent   the agent ({@code disk}, {@code manual} or an executable)
 * @param started when the run began
 * @param took    how long it ran
 * @param success whether the agent confirmed the fencing
 * @param detail  the agent's account (exit status, output tail, slot written, ...)
 */
public record FenceAttempt(int nodeId, String method, String device, String agent, Instant started, Duration took,
                           boolean success, String detail) {
    public FenceAttempt {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(took, "took");
        Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String toString() {
        return "node " + nodeId + " method " + method + " device " + device + " (" + agent + "): "
                + (success ? "fenced" : "failed") + " after " + took.toMillis() + " ms: " + detail;
    }
}
