package org.gfspnfs.dlm.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.gfspnfs.dlm.api.ResourceName;
import org.gfspnfs.dlm.net.msg.RecoveryDirectory;
import org.gfspnfs.dlm.net.msg.RecoveryDone;
import org.gfspnfs.dlm.net.msg.RecoveryMarker;
import org.junit.jupiter.api.Test;

/**
 * The barrier bookkeeping of recovery. The epoch id names a member set, so the same id comes back when a member set
 * does (startup: [1,2,3] is tried, node 4 joins, later 4 and 5 die and [1,2,3] is recovered again). Before attempts
 * were told apart, the markers and "phase done" messages of the abandoned attempt let the new one pass every barrier
 * at once, and a new master adopted a resource before the survivors' lock lists had arrived (issue #6: a CR waiter
 * granted ahead of the PW waiter queued before it).
 */
class RecoveryInboxTest {
    private static final long E = 0xE;
    private static final long INC2 = 1002;
    private final RecoveryInbox inbox = new RecoveryInbox();
    private final Set<Integer> others = Set.of(2);

    @Test
    void abandonedAttemptAtTheSameEpoch_passesNoBarrierOfTheNextAttempt() {
        // attempt 1 of this node (1) and of node 2 get through both phases, then the view moves on and comes back
        inbox.marker(2, new RecoveryMarker(E, INC2, 1, 1));
        inbox.done(2, new RecoveryDone(E, 1, 1));
        inbox.done(2, new RecoveryDone(E, 1, 2));
        inbox.data(2, E, directory("x"));
        assertThat(inbox.reached(others, E, 1, 2)).isTrue();

        // this node's attempt 2 at the same epoch: node 2 has not joined it yet
        assertThat(inbox.attemptOf(2, E)).isEqualTo(1);
        assertThat(inbox.reached(others, E, 2, 0)).isFalse();
        assertThat(inbox.reached(others, E, 2, 1)).isFalse();

        // node 2 starts its attempt 2 having seen ours: its old phases and data are gone
        assertThat(inbox.marker(2, new RecoveryMarker(E, INC2, 2, 2))).isTrue();
        assertThat(inbox.reached(others, E, 2, 0)).isTrue();
        assertThat(inbox.reached(others, E, 2, 1)).isFalse();
        assertThat(inbox.data(others, E, RecoveryDirectory.class)).isEmpty();

        inbox.done(2, new RecoveryDone(E, 1, 1));   // late message of the old attempt: not counted
        assertThat(inbox.reached(others, E, 2, 1)).isFalse();
        inbox.done(2, new RecoveryDone(E, 2, 1));
        assertThat(inbox.reached(others, E, 2, 1)).isTrue();
    }

    @Test
    void memberThatHasNotSeenOurAttempt_doesNotCount_untilItAcknowledgesIt() {
        inbox.marker(2, new RecoveryMarker(E, INC2, 7, 0));    // node 2 started before our marker reached it
        assertThat(inbox.reached(others, E, 3, 0)).isFalse();
        assertThat(inbox.marker(2, new RecoveryMarker(E, INC2, 7, 3))).isFalse();  // same attempt, acknowledges ours
        assertThat(inbox.reached(others, E, 3, 0)).isTrue();
    }

    @Test
    void reacknowledgementOvertakenByANewerMarker_isIgnored() {
        inbox.marker(2, new RecoveryMarker(E, INC2, 5, 1));
        inbox.done(2, new RecoveryDone(E, 5, 1));
        assertThat(inbox.marker(2, new RecoveryMarker(E, INC2, 4, 9))).isFalse();
        assertThat(inbox.reached(others, E, 1, 1)).isTrue();
        assertThat(inbox.reached(others, E, 9, 0)).isFalse();
    }

    @Test
    void newLifeOfAMember_opensANewStream_thoughItsAttemptsCountFromOneAgain() {
        inbox.marker(2, new RecoveryMarker(E, INC2, 6, 1));
        inbox.done(2, new RecoveryDone(E, 6, 1));
        long f = 0xF;
        assertThat(inbox.marker(2, new RecoveryMarker(f, INC2 + 1, 1, 1))).isTrue();
        assertThat(inbox.attemptOf(2, f)).isEqualTo(1);
        assertThat(inbox.attemptOf(2, E)).isZero();
        assertThat(inbox.reached(others, f, 1, 0)).isTrue();
        assertThat(inbox.reached(others, f, 1, 1)).isFalse();
    }

    @Test
    void data_isCollectedPerCurrentStreamAndType() {
        inbox.marker(2, new RecoveryMarker(E, INC2, 1, 1));
        inbox.data(2, E, directory("a"));
        inbox.data(2, 0xBAD, directory("other epoch"));
        List<RecoveryInbox.Received> got = inbox.data(others, E, RecoveryDirectory.class);
        assertThat(got).hasSize(1);
        assertThat(got.get(0).src()).isEqualTo(2);
        assertThat(((RecoveryDirectory) got.get(0).message()).names()).containsExactly(ResourceName.of("a"));
    }

    private static RecoveryDirectory directory(String name) {
        return new RecoveryDirectory(E, "fs", List.of(ResourceName.of(name)));
    }
}
