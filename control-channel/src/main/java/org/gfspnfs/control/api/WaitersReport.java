package org.gfspnfs.control.api;

import java.util.List;

/** The answer to a waiters query: requests not yet granted, and the deadlocks detected so far. */
public record WaitersReport(List<WaiterInfo> waiters, List<DeadlockInfo> deadlocks) {
    public WaitersReport {
        waiters = List.copyOf(waiters);
        deadlocks = List.copyOf(deadlocks);
    }
}
