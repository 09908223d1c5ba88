package org.gfspnfs.control.api;

import java.time.Instant;
import java.util.List;

/**
 * A deadlock the dlm detected: the cycle of waiting locks, when it was found, and the lock chosen as victim
 * (dlm cancels it with -EDEADLK).
 */
public record DeadlockInfo(String lockspace, Instant detectedAt, List<WaiterInfo> cycle, long victimLockId) {
    public DeadlockInfo {
        cycle = List.copyOf(cycle);
    }
}
