package org.gfspnfs.control.api;

import java.time.Duration;

/**
 * One lock on a resource queue (dlm lkb): its id, the node that owns it, the granted and requested modes
 * ({@link LockMode#IV} where dlm prints none) and how long it has been on its current queue.
 */
public record LockEntry(long lockId, int nodeId, LockMode grantedMode, LockMode requestedMode, Duration age) {
}
