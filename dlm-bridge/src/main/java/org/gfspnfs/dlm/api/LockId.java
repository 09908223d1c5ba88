package org.gfspnfs.dlm.api;

/** Cluster-unique lock id: the owning node and a per-node counter (Linux: nodeid + lkid). */
public record LockId(int nodeId, long lkid) {
    @Override
    public String toString() {
        return nodeId + ":" + Long.toHexString(lkid);
    }
}
