package org.gfspnfs.conf;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads {@code <quorum>} (and the legacy {@code <cman>}) and checks the result against the nodes with votequorum's
 * rules: quorum must be reachable, must be a majority of the configured votes, and two_node needs two nodes.
 */
final class QuorumReader {

    /** Settings as written; null members were not written (or were invalid, already reported). */
    record Settings(Sourced<Integer> expectedVotes, Sourced<Boolean> twoNode, Sourced<Boolean> waitForAll,
                    boolean valid) {
    }

    private final Problems problems;
    private final Values values;

    QuorumReader(Problems problems) {
        this.problems = problems;
        this.values = new Values(problems);
    }

    Settings read(XmlElement cluster) {
        Optional<XmlElement> quorum = cluster.child("quorum");
        Optional<XmlElement> cman = cluster.child("cman");
        Sourced<Boolean> cmanTwoNode = bool(cman, "two_node");
        Sourced<Boolean> twoNode = Sourced.merge(bool(quorum, "two_node"), cmanTwoNode, problems);
        Sourced<Boolean> waitForAll = Sourced.merge(bool(quorum, "wait_for_all"), bool(cman, "wait_for_all"),
                problems);
        Sourced<Integer> legacyExpected = expected(cman);
        if (legacyExpected != null && Objects.equals(legacyExpected.value(), 1) && cmanTwoNode != null
                && Boolean.TRUE.equals(cmanTwoNode.value())) {
            // cman's two-node idiom is two_node="1" expected_votes="1"; votequorum counts both votes: 2.
            legacyExpected = new Sourced<>(2, legacyExpected.attr(), legacyExpected.element());
        }
        Sourced<Integer> expected = Sourced.merge(expected(quorum), legacyExpected, problems);
        boolean valid = isValid(expected) && isValid(twoNode) && isValid(waitForAll);
        return new Settings(expected, twoNode, waitForAll, valid);
    }

    /**
     * The effective quorum settings for these nodes, or null if invalid (reported).
     *
     * @param votes every node's votes (all known)
     */
    QuorumConf resolve(Settings settings, List<Integer> votes, XmlElement clusternodes) {
        if (!settings.valid()) {
            return null;
        }
        int total = votes.stream().mapToInt(Integer::intValue).sum();
        boolean twoNode = settings.twoNode() != null && settings.twoNode().value();
        Sourced<Integer> expected = settings.expectedVotes();
        boolean ok = twoNode ? checkTwoNode(settings, votes.size()) : checkMajority(expected, total, clusternodes);
        if (!ok) {
            return null;
        }
        int expectedVotes = expected != null ? expected.value() : twoNode ? 2 : total;
        boolean waitForAll = settings.waitForAll() != null ? settings.waitForAll().value() : twoNode;
        return new QuorumConf(expectedVotes, twoNode, waitForAll);
    }

    private boolean checkTwoNode(Settings settings, int nodes) {
        boolean ok = true;
        if (nodes != 2) {
            problems.at(settings.twoNode().attr(), settings.twoNode().cite() + " needs exactly 2 nodes, the cluster has "
                    + nodes, nodes < 2 ? "add the second node, or remove two_node"
                    : "remove two_node: with " + nodes + " nodes a majority of votes decides");
            ok = false;
        }
        Sourced<Integer> expected = settings.expectedVotes();
        if (expected != null && expected.value() != 2) {
            String hint = expected.value() == 1 && expected.element().name().equals("quorum")
                    ? "votequorum counts both nodes' votes: write expected_votes=\"2\" (cman's "
                    + "expected_votes=\"1\" is accepted on <cman> only)"
                    : "write expected_votes=\"2\" or leave it out";
            problems.at(expected.attr(), "two_node needs expected_votes=\"2\", not " + expected.cite(), hint);
            ok = false;
        }
        return ok;
    }

    private boolean checkMajority(Sourced<Integer> expected, int total, XmlElement clusternodes) {
        if (expected == null) {
            if (total == 0) {
                problems.at(clusternodes, "no node has any votes: the cluster could never be quorate",
                        "give nodes votes=\"1\" (the default) or more");
                return false;
            }
            return true;
        }
        int quorum = VoteQuorum.quorumFor(expected.value(), false);
        String hint = "set expected_votes=\"" + total + "\" (the sum of all nodes' votes) or leave it out";
        if (quorum > total) {
            problems.at(expected.attr(), expected.cite() + " can never be reached: quorum needs " + quorum
                    + " votes but the nodes have " + total + " in all", hint);
            return false;
        }
        if (2 * quorum <= total) {
            problems.at(expected.attr(), expected.cite() + " is below a majority of the " + total
                    + " configured votes: two halves of the cluster could both be quorate", hint);
            return false;
        }
        return true;
    }

    private Sourced<Integer> expected(Optional<XmlElement> element) {
        return element.flatMap(e -> e.attr("expected_votes").map(a ->
                new Sourced<>(values.integer(a, 1, Integer.MAX_VALUE / 2), a, e))).orElse(null);
    }

    private Sourced<Boolean> bool(Optional<XmlElement> element, String name) {
        return element.flatMap(e -> e.attr(name).map(a -> new Sourced<>(values.bool(a), a, e))).orElse(null);
    }

    private static boolean isValid(Sourced<?> sourced) {
        return sourced == null || sourced.value() != null;
    }
}
