package org.gfspnfs.control.api;

import java.util.List;

/**
 * One lockspace as seen by one node, the row {@code dlm_tool ls} prints: name, global id, state, the member node ids
 * and how many resources and locks the node holds in it.
 */
public record LockspaceInfo(String name, long globalId, LockspaceState state, List<Integer> members,
                            int resources, int locks) {
    public LockspaceInfo {
        members = List.copyOf(members);
    }
}
