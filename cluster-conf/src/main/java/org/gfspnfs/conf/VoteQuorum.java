package org.gfspnfs.conf;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Quorum arithmetic with corosync votequorum's rules (votequorum(5)), as a pure immutable value: each membership
 * change yields a new {@code VoteQuorum}; nothing here talks to the network or reads a clock.
 *
 * <ul>
 *   <li>The cluster is quorate when the live members' votes reach {@code expected_votes / 2 + 1}, i.e. are more
 *       than half the expected votes.</li>
 *   <li>When the live votes exceed {@code expected_votes}, expected votes are raised to them, and stay raised
 *       (votequorum never lowers expected votes by itself; {@link #withExpectedVotes(int)} is the admin's
 *       {@code corosync-quorumtool -e}).</li>
 *   <li>{@code two_node}: quorum is 1 vote, so either node of a two-node cluster stays quorate alone; fencing
 *       decides the race.</li>
 *   <li>{@code wait_for_all}: after start the cluster is not quorate until all configured nodes have been members
 *       at the same time once; from then on the normal rules apply.</li>
 * </ul>
 */
public final class VoteQuorum {

    /** Where the cluster stands. */
    public enum Status {
        /** Enough votes: grants and disk writes may proceed. */
        QUORATE,
        /** wait_for_all: not every node has been seen together since start. */
        WAITING_FOR_ALL,
        /** Too few votes: freeze, and self-fence if it lasts. */
        INQUORATE
    }

    private final QuorumConf conf;
    private final Map<Integer, Integer> votesByNode;
    private final Set<Integer> members;
    private final int expectedVotes;
    private final boolean allSeen;

    private VoteQuorum(QuorumConf conf, Map<Integer, Integer> votesByNode, Set<Integer> members, int expectedVotes,
                       boolean allSeen) {
        this.conf = conf;
        this.votesByNode = votesByNode;
        this.members = members;
        this.expectedVotes = expectedVotes;
        this.allSeen = allSeen;
    }

    /**
     * The state at daemon start: no member seen yet.
     *
     * @param conf        quorum settings
     * @param votesByNode every configured node's id and votes
     */
    public static VoteQuorum start(QuorumConf conf, Map<Integer, Integer> votesByNode) {
        Objects.requireNonNull(conf, "conf");
        if (votesByNode.isEmpty()) {
            throw new IllegalArgumentException("no nodes configured");
        }
        votesByNode.forEach((id, votes) -> {
            if (votes < 0) {
                throw new IllegalArgumentException("negative votes for node " + id);
            }
        });
        return new VoteQuorum(conf, Collections.unmodifiableMap(new LinkedHashMap<>(votesByNode)), Set.of(),
                conf.expectedVotes(), false);
    }

    /**
     * Votes needed for quorum given the expected votes: more than half, or 1 with {@code two_node}.
     */
    public static int quorumFor(int expectedVotes, boolean twoNode) {
        return twoNode ? 1 : expectedVotes / 2 + 1;
    }

    /**
     * The state after membership changed to exactly {@code liveNodeIds}.
     *
     * @throws IllegalArgumentException if an id is not a configured node
     */
    public VoteQuorum withMembers(Set<Integer> liveNodeIds) {
        for (Integer id : liveNodeIds) {
            if (!votesByNode.containsKey(id)) {
                throw new IllegalArgumentException("node id " + id + " is not in cluster.conf");
            }
        }
        Set<Integer> live = Collections.unmodifiableSet(new TreeSet<>(liveNodeIds));
        int liveVotes = sumVotes(live);
        boolean seenAll = allSeen || live.containsAll(votesByNode.keySet());
        return new VoteQuorum(conf, votesByNode, live, Math.max(expectedVotes, liveVotes), seenAll);
    }

    /**
     * The admin sets expected votes (after permanently losing nodes), as {@code corosync-quorumtool -e}: it may not
     * go below the live votes.
     */
    public VoteQuorum withExpectedVotes(int newExpectedVotes) {
        if (newExpectedVotes < 1) {
            throw new IllegalArgumentException("expected votes must be >= 1: " + newExpectedVotes);
        }
        return new VoteQuorum(conf, votesByNode, members, Math.max(newExpectedVotes, liveVotes()), allSeen);
    }

    /** Current expected votes: configured, raised by live votes, or set by the admin. */
    public int expectedVotes() {
        return expectedVotes;
    }

    /** Votes needed for quorum now. */
    public int quorum() {
        return quorumFor(expectedVotes, conf.twoNode());
    }

    /** Votes of the current members. */
    public int liveVotes() {
        return sumVotes(members);
    }

    /** Current member node ids, sorted. */
    public Set<Integer> members() {
        return members;
    }

    /** True while wait_for_all holds quorum back (not every node seen together since start). */
    public boolean waitingForAll() {
        return conf.waitForAll() && !allSeen;
    }

    public Status status() {
        if (waitingForAll()) {
            return Status.WAITING_FOR_ALL;
        }
        return liveVotes() >= quorum() ? Status.QUORATE : Status.INQUORATE;
    }

    public boolean quorate() {
        return status() == Status.QUORATE;
    }

    private int sumVotes(Set<Integer> ids) {
        return ids.stream().mapToInt(votesByNode::get).sum();
    }

    @Override
    public String toString() {
        return status() + " (members " + members + ", votes " + liveVotes() + "/" + expectedVotes
                + " expected, quorum " + quorum() + (conf.twoNode() ? ", two_node" : "")
                + (conf.waitForAll() ? ", wait_for_all" : "") + ")";
    }
}
