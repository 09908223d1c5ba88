package org.gfspnfs.node.cluster;

import java.util.OptionalInt;

import org.gfspnfs.conf.ClusterConf;

/**
 * Which journal a node writes: its index among all nodes of cluster.conf in nodeid order (node ids may have gaps,
 * journal slots may not). GFS2 hands out journal ids through the mount group; our nodes are fixed in
 * cluster.conf, so the mapping is pure arithmetic that every node computes alike.
 */
public final class JournalSlots {
    private JournalSlots() {
    }

    /** The slot of {@code nodeId}, empty if cluster.conf has no such node. */
    public static OptionalInt of(ClusterConf conf, int nodeId) {
        if (conf.nodes().stream().noneMatch(n -> n.nodeId() == nodeId)) {
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) conf.nodes().stream().filter(n -> n.nodeId() < nodeId).count());
    }
}
