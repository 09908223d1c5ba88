package org.gfspnfs.control.api;

import java.time.Instant;
import java.util.List;

/**
 * What one node says about the cluster: its own identity and roles, its member view, quorum, fencing history and
 * the recovery steps it has driven or seen (DESIGN.md "Recovery sequence").
 */
public record NodeStatus(String nodeName, int nodeId, Instant reportedAt, List<String> roles,
                         List<MemberInfo> members, QuorumInfo quorum, List<FenceEvent> fencing,
                         List<RecoveryStep> recovery) {
    public NodeStatus {
        roles = List.copyOf(roles);
        members = List.copyOf(members);
        fencing = List.copyOf(fencing);
        recovery = List.copyOf(recovery);
    }
}
