package org.gfspnfs.dlm.cluster;

import java.util.HashMap;
import java.util.Map;

/**
 * A counter on "shared storage" that honours fencing the way a SCSI reservation or the disk poison pill does: once a
 * node is fenced, its writes fail. Every increment is logged together with the acknowledgement, atomically, so the
 * test can compare the final value with the increments acknowledged.
 */
final class FencedCounter {
    private long value;
    private long acknowledged;
    private final Map<Integer, Long> fencedAt = new HashMap<>();
    private final Map<Integer, Long> generation = new HashMap<>();

    /** Reads, increments and writes as {@code node} (generation = its incarnation); false if the node is fenced. */
    synchronized boolean increment(int node, long incarnation) {
        if (generation.getOrDefault(node, Long.MIN_VALUE) != incarnation) {
            return false;
        }
        value++;
        acknowledged++;
        return true;
    }

    synchronized void admit(int node, long incarnation) {
        generation.put(node, incarnation);
    }

    /** Cuts {@code node} off; returns when no write of it can happen any more. */
    synchronized long fence(int node) {
        generation.remove(node);
        long t = System.nanoTime();
        fencedAt.put(node, t);
        return t;
    }

    synchronized long fencedAt(int node) {
        return fencedAt.getOrDefault(node, Long.MAX_VALUE);
    }

    synchronized long value() {
        return value;
    }

    synchronized long acknowledged() {
        return acknowledged;
    }
}
