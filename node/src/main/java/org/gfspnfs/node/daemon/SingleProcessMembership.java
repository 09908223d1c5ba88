package org.gfspnfs.node.daemon;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.gfspnfs.conf.ClusterConf;
import org.gfspnfs.conf.ClusterNode;
import org.gfspnfs.conf.Role;
import org.gfspnfs.conf.VoteQuorum;
import org.gfspnfs.control.api.MemberInfo;
import org.gfspnfs.control.api.MemberState;
import org.gfspnfs.control.api.NodeStatus;
import org.gfspnfs.control.api.QuorumInfo;
import org.gfspnfs.control.spi.MembershipView;

/**
 * {@code gfsctl status} of a node that runs without the membership service (single-process operation): the
 * node sees itself as the only member since the daemon started, and quorum is votequorum's arithmetic over that
 * member set. For a one-node cluster this is the whole truth; in a larger cluster.conf the node honestly reports
 * itself inquorate, since it has seen no other member. Nothing was fenced or recovered by this process, so those
 * logs are empty. Replaced by the Hazelcast-backed view when the daemon joins a multi-process cluster.
 */
final class SingleProcessMembership implements MembershipView {
    private final ClusterConf conf;
    private final ClusterNode self;
    private final Instant since;
    private final Clock clock;

    SingleProcessMembership(ClusterConf conf, ClusterNode self, Clock clock) {
        this.conf = conf;
        this.self = self;
        this.clock = clock;
        this.since = clock.instant();
    }

    @Override
    public NodeStatus status() {
        VoteQuorum q = conf.newVoteQuorum().withMembers(Set.of(self.nodeId()));
        QuorumInfo quorum = new QuorumInfo(q.quorate(), q.expectedVotes(), q.liveVotes(), q.quorum(),
                conf.quorum().twoNode(), conf.quorum().waitForAll());
        List<String> roles = self.roles().stream().sorted().map(Role::confName).toList();
        MemberInfo me = new MemberInfo(self.nodeId(), self.name(), MemberState.MEMBER, self.votes(), since);
        return new NodeStatus(self.name(), self.nodeId(), clock.instant(), roles, List.of(me), quorum, List.of(),
                List.of());
    }
}
