package org.gfspnfs.control.api;

/**
 * Quorum as votequorum computes it: quorate when total votes reach {@code quorumVotes} (expected/2 + 1), with the
 * two_node and wait_for_all flags from cluster.conf.
 */
public record QuorumInfo(boolean quorate, int expectedVotes, int totalVotes, int quorumVotes, boolean twoNode,
                         boolean waitForAll) {
}
