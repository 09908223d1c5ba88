package org.gfspnfs.control.api;

import java.util.List;

/**
 * One dlm resource (rsb) as {@code dlm_tool lockdebug} shows it: name, master node id, the three queues and the lock
 * value block. {@code lvb} is empty when the resource has no LVB; {@code lvbValid} is false after recovery invalidated
 * it (its last PW/EX holder died).
 */
public record ResourceInfo(String name, int masterNodeId, List<LockEntry> granted, List<LockEntry> converting,
                           List<LockEntry> waiting, byte[] lvb, boolean lvbValid) {
    public ResourceInfo {
        granted = List.copyOf(granted);
        converting = List.copyOf(converting);
        waiting = List.copyOf(waiting);
        lvb = lvb.clone();
    }

    @Override
    public byte[] lvb() {
        return lvb.clone();
    }
}
