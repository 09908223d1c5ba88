package org.gfspnfs.conf;

import java.time.Duration;
import java.util.Objects;

/**
 * Failure detection and fencing timing ({@code <timing>}; legacy {@code <totem token>} and {@code <fence_daemon>}).
 *
 * @param heartbeat        period of member heartbeats
 * @param failureTimeout   silence after which a member is declared dead (corosync's totem token)
 * @param fenceTimeout     longest a single fence agent run may take before it counts as failed
 * @param postFailDelay    wait after a failure before fencing (fenced's post_fail_delay)
 * @param postJoinDelay    wait after joining before fencing members not yet seen (fenced's post_join_delay)
 * @param selfFenceTimeout a node inquorate this long stops all I/O and fences itself
 * @param watchdogTimeout  disk fencing: a node that cannot read its own slot this long self-fences
 * @param poisonPillWait   disk fencing: wait after writing a poison pill before the victim counts as fenced
 */
public record Timing(Duration heartbeat, Duration failureTimeout, Duration fenceTimeout, Duration postFailDelay,
                     Duration postJoinDelay, Duration selfFenceTimeout, Duration watchdogTimeout,
                     Duration poisonPillWait) {

    /** All defaults, see {@link ConfDefaults}. */
    public static final Timing DEFAULTS = new Timing(ConfDefaults.HEARTBEAT, ConfDefaults.FAILURE_TIMEOUT,
            ConfDefaults.FENCE_TIMEOUT, ConfDefaults.POST_FAIL_DELAY, ConfDefaults.POST_JOIN_DELAY,
            ConfDefaults.SELF_FENCE_TIMEOUT, ConfDefaults.WATCHDOG_TIMEOUT, ConfDefaults.POISON_PILL_WAIT);

    public Timing {
        Objects.requireNonNull(heartbeat, "heartbeat");
        Objects.requireNonNull(failureTimeout, "failureTimeout");
        Objects.requireNonNull(fenceTimeout, "fenceTimeout");
        Objects.requireNonNull(postFailDelay, "postFailDelay");
        Objects.requireNonNull(postJoinDelay, "postJoinDelay");
        Objects.requireNonNull(selfFenceTimeout, "selfFenceTimeout");
        Objects.requireNonNull(watchdogTimeout, "watchdogTimeout");
        Objects.requireNonNull(poisonPillWait, "poisonPillWait");
    }
}
