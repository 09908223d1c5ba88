package org.gfspnfs.conf;

/**
 * Quorum settings with votequorum's meaning (votequorum(5)), defaults already applied.
 *
 * @param expectedVotes the votes a full cluster has; quorum is a majority of it ({@code expected/2 + 1})
 * @param twoNode       a two-node cluster stays quorate with one node (fencing breaks the tie)
 * @param waitForAll    not quorate after start until every configured node has been seen at once
 */
public record QuorumConf(int expectedVotes, boolean twoNode, boolean waitForAll) {

    public QuorumConf {
        if (expectedVotes < 1) {
            throw new IllegalArgumentException("expectedVotes must be >= 1: " + expectedVotes);
        }
    }
}
