package org.gfspnfs.dlm.api.query;

import java.util.List;

/**
 * One node's DLM.
 *
 * @param nodeId     this node
 * @param state      recovery state (RUNNING, STOPPED, RECOVERING, ...)
 * @param epoch      view id of the last completed recovery
 * @param members    node ids of the members in that epoch
 * @param lockspaces every lockspace on this node
 */
public record NodeSnapshot(int nodeId, String state, long epoch, List<Integer> members,
                           List<LockspaceSnapshot> lockspaces) { }
