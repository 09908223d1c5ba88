package org.gfspnfs.conf;

/** How a fence device's agent runs. */
public enum FenceAgentKind {
    /** Built in ({@code agent="disk"}): sbd-like poison pill in the victim's slot on the shared disk. */
    DISK,
    /** Built in ({@code agent="manual"}): wait for an operator's {@code gfsctl fence-ack}. */
    MANUAL,
    /**
     * An executable ({@code fence_ipmilan}, ...), run like fenced runs agents: device and per-node attributes
     * written to its stdin as {@code key=value} lines.
     */
    EXEC;

    static FenceAgentKind of(String agent) {
        return switch (agent) {
            case FenceDevice.DISK_AGENT -> DISK;
            case FenceDevice.MANUAL_AGENT -> MANUAL;
            default -> EXEC;
        };
    }
}
