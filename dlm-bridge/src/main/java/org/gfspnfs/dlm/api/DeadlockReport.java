package org.gfspnfs.dlm.api;

import java.util.List;

/**
 * A cycle in the cluster-wide wait-for graph between lock holders (something the Linux dlm does not detect across
 * nodes). Each edge says: this holder's request on this resource waits for that holder's granted lock.
 *
 * @param edges  the cycle, in order; the last edge's {@code blocker} is the first edge's {@code waiter}
 * @param victim the request failed with {@link LockStatus#DEADLOCK} to break it, or null if the policy only reports
 */
public record DeadlockReport(List<Edge> edges, LockId victim) {
    public DeadlockReport {
        edges = List.copyOf(edges);
    }

    /** Identity of a lock holder cluster-wide: node and the holder id of {@link LockOptions#holder()}. */
    public record Holder(int nodeId, long holder) { }

    /**
     * One wait-for edge.
     *
     * @param waiter       the holder whose request waits
     * @param waitingLock  the waiting lock
     * @param waitingMode  the mode it asks for
     * @param resource     the resource
     * @param blocker      the holder it waits for
     * @param blockingLock the lock of that holder in the way
     * @param blockingMode that lock's granted mode
     */
    public record Edge(Holder waiter, LockId waitingLock, LockMode waitingMode, ResourceName resource,
                       Holder blocker, LockId blockingLock, LockMode blockingMode) { }
}
