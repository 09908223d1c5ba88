package org.gfspnfs.membership.api;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * One incarnation of a cluster node, as the member view knows it.
 *
 * <p>The {@code incarnation} changes every time the node process (re)joins: a node that crashed and came back is a
 * different member for every protocol that keeps per-peer state (the DLM rejects messages from a previous
 * incarnation, the same way corosync/cpg distinguishes a node's "ring id" lives).
 *
 * @param nodeId      the node id from {@code cluster.conf} (positive, unique in the cluster)
 * @param name        the node name from {@code cluster.conf}
 * @param incarnation a value that differs between two lives of the same node (e.g. start time in ms)
 * @param dlmAddress  where this node's DLM transport listens
 */
public record Member(int nodeId, String name, long incarnation, InetSocketAddress dlmAddress) {
    public Member {
        if (nodeId <= 0) {
            throw new IllegalArgumentException("nodeId must be positive: " + nodeId);
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dlmAddress, "dlmAddress");
    }

    /** True when {@code other} is the same life of the same node. */
    public boolean sameIncarnation(Member other) {
        return other != null && other.nodeId == nodeId && other.incarnation == incarnation;
    }
}
