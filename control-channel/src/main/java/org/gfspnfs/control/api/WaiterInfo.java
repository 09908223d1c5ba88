package org.gfspnfs.control.api;

import java.time.Duration;

/** A lock request that is not granted yet: where it waits, whose it is, what it asks for and for how long. */
public record WaiterInfo(String lockspace, String resource, long lockId, int nodeId, LockMode grantedMode,
                         LockMode requestedMode, Duration waiting) {
}
