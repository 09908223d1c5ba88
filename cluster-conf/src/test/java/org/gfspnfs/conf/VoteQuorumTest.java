package org.gfspnfs.conf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.gfspnfs.conf.VoteQuorum.Status;
import org.junit.jupiter.api.Test;

/** votequorum's rules, one membership transition at a time. */
class VoteQuorumTest {

    private static final Map<Integer, Integer> THREE_NODES = Map.of(1, 1, 2, 1, 3, 1);
    private static final Map<Integer, Integer> TWO_NODES = Map.of(1, 1, 2, 1);

    @Test
    void threeNodes_quorumIsTwo_loseOneStayQuorate_loseTwoFreeze() {
        VoteQuorum q = VoteQuorum.start(new QuorumConf(3, false, false), THREE_NODES);
        assertThat(q.status()).isEqualTo(Status.INQUORATE);
        assertThat(q.quorum()).isEqualTo(2);

        q = q.withMembers(Set.of(1));
        assertThat(q.quorate()).isFalse();
        q = q.withMembers(Set.of(1, 2));
        assertThat(q.quorate()).isTrue();
        q = q.withMembers(Set.of(1, 2, 3));
        assertThat(q.quorate()).isTrue();
        q = q.withMembers(Set.of(2, 3));
        assertThat(q.quorate()).isTrue();
        q = q.withMembers(Set.of(3));
        assertThat(q.status()).isEqualTo(Status.INQUORATE);
        assertThat(q.liveVotes()).isEqualTo(1);
    }

    @Test
    void quorate_exactlyWhenVotesExceedHalfTheExpected() {
        assertThat(VoteQuorum.quorumFor(1, false)).isEqualTo(1);
        assertThat(VoteQuorum.quorumFor(2, false)).isEqualTo(2);
        assertThat(VoteQuorum.quorumFor(3, false)).isEqualTo(2);
        assertThat(VoteQuorum.quorumFor(4, false)).isEqualTo(3);
        assertThat(VoteQuorum.quorumFor(5, false)).isEqualTo(3);
        assertThat(VoteQuorum.quorumFor(2, true)).isEqualTo(1);
    }

    @Test
    void weightedVotes_aHeavyNodeAloneCanHoldQuorum() {
        VoteQuorum q = VoteQuorum.start(new QuorumConf(5, false, false), Map.of(1, 3, 2, 1, 3, 1));

        assertThat(q.withMembers(Set.of(1)).quorate()).isTrue();
        assertThat(q.withMembers(Set.of(2, 3)).quorate()).isFalse();
    }

    @Test
    void twoNodes_withoutTwoNode_oneSurvivorIsInquorate() {
        VoteQuorum q = VoteQuorum.start(new QuorumConf(2, false, false), TWO_NODES).withMembers(Set.of(1, 2));
        assertThat(q.quorate()).isTrue();

        assertThat(q.withMembers(Set.of(1)).quorate()).isFalse();
    }

    @Test
    void twoNode_oneSurvivorStaysQuorate_butOnlyAfterBothWereSeen() {
        VoteQuorum q = VoteQuorum.start(new QuorumConf(2, true, true), TWO_NODES);
        assertThat(q.quorum()).isEqualTo(1);

        q = q.withMembers(Set.of(1));
        assertThat(q.status()).as("wait_for_all at start").isEqualTo(Status.WAITING_FOR_ALL);
        q = q.withMembers(Set.of(1, 2));
        assertThat(q.quorate()).isTrue();
        q = q.withMembers(Set.of(2));
        assertThat(q.quorate()).as("two_node after both seen").isTrue();
        q = q.withMembers(Set.of());
        assertThat(q.quorate()).isFalse();
    }

    @Test
    void twoNode_withoutWaitForAll_aLoneNodeIsQuorateFromStart() {
        VoteQuorum q = VoteQuorum.start(new QuorumConf(2, true, false), TWO_NODES);

        assertThat(q.withMembers(Set.of(2)).quorate()).isTrue();
    }

    @Test
    void waitForAll_holdsQuorumUntilAllSeenOnce_thenNormalMajorityRules() {
        VoteQuorum q = VoteQuorum.start(new QuorumConf(3, false, true), THREE_NODES);

        q = q.withMembers(Set.of(1, 2));
        assertThat(q.status()).as("majority present but not all seen yet").isEqualTo(Status.WAITING_FOR_ALL);
        q = q.withMembers(Set.of(1, 2, 3));
        assertThat(q.status()).isEqualTo(Status.QUORATE);
        q = q.withMembers(Set.of(1, 3));
        assertThat(q.status()).as("all were seen once: a majority suffices").isEqualTo(Status.QUORATE);
        q = q.withMembers(Set.of(3));
        assertThat(q.status()).isEqualTo(Status.INQUORATE);
        q = q.withMembers(Set.of(2, 3));
        assertThat(q.status()).as("wait_for_all is not re-armed after a loss").isEqualTo(Status.QUORATE);
    }

    @Test
    void expectedVotes_raisedByLiveVotes_andNeverLoweredByLosses() {
        VoteQuorum q = VoteQuorum.start(new QuorumConf(2, false, false), THREE_NODES);
        assertThat(q.withMembers(Set.of(1, 2)).expectedVotes()).isEqualTo(2);

        q = q.withMembers(Set.of(1, 2, 3));
        assertThat(q.expectedVotes()).isEqualTo(3);
        assertThat(q.quorum()).isEqualTo(2);
        q = q.withMembers(Set.of(1));
        assertThat(q.expectedVotes()).isEqualTo(3);
        assertThat(q.quorate()).isFalse();
    }

    @Test
    void adminLowersExpectedVotes_afterPermanentLoss_survivorRegainsQuorum() {
        VoteQuorum q = VoteQuorum.start(new QuorumConf(3, false, false), THREE_NODES)
                .withMembers(Set.of(1, 2, 3)).withMembers(Set.of(1));
        assertThat(q.quorate()).isFalse();

        q = q.withExpectedVotes(1);
        assertThat(q.quorate()).isTrue();
        assertThat(q.withExpectedVotes(1).withMembers(Set.of(1, 2)).expectedVotes()).isEqualTo(2);
    }

    @Test
    void unknownNode_isRejected() {
        VoteQuorum q = VoteQuorum.start(new QuorumConf(3, false, false), THREE_NODES);

        assertThatThrownBy(() -> q.withMembers(Set.of(1, 9))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("9");
    }

    @Test
    void zeroVoteNode_neitherHelpsNorBlocksQuorum() {
        VoteQuorum q = VoteQuorum.start(new QuorumConf(2, false, false), Map.of(1, 1, 2, 1, 3, 0));

        assertThat(q.withMembers(Set.of(1, 3)).quorate()).isFalse();
        assertThat(q.withMembers(Set.of(1, 2)).quorate()).isTrue();
        assertThat(q.withMembers(Set.of(1, 2)).toString()).isEqualTo(
                "QUORATE (members [1, 2], votes 2/2 expected, quorum 2)");
    }
}
