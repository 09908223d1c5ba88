package org.gfspnfs.membership.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.cluster.Address;
import com.hazelcast.cluster.impl.MemberImpl;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.gfspnfs.conf.ClusterConf;
import org.gfspnfs.membership.api.Member;
import org.gfspnfs.membership.api.MemberEvent;
import org.gfspnfs.membership.api.MemberEvent.Kind;
import org.gfspnfs.membership.testing.TestConf;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The view state machine of node 1 of three, fed Hazelcast members directly (no network). */
class ViewStateTest {
    @TempDir
    Path dir;

    private ClusterConf conf;
    private ViewState state;
    private final List<MemberEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void node1() {
        conf = TestConf.in(dir).nodes(3).write("cluster.conf");
        state = new ViewState(conf, conf.nodeById(1).orElseThrow(), 50);
        state.addListener(events::add);
    }

    private static com.hazelcast.cluster.Member hz(Map<String, String> attributes) throws Exception {
        return new MemberImpl.Builder(new Address("127.0.0.1", 5701)).uuid(UUID.randomUUID()).attributes(attributes)
                .localMember(false).build();
    }

    private com.hazelcast.cluster.Member node(int id, long incarnation) throws Exception {
        return hz(MemberAttributes.of(conf, conf.nodeById(id).orElseThrow(), incarnation));
    }

    private List<String> kinds() {
        return events.stream().map(e -> e.kind() + " " + e.member().nodeId() + "/" + e.member().incarnation())
                .toList();
    }

    @Test
    void quorumEvents_followTheMemberChange_inOrder() throws Exception {
        assertThat(state.snapshot().quorate()).isFalse();
        com.hazelcast.cluster.Member two = node(2, 100);

        state.added(two);
        state.removed(two);
        Member lost = state.snapshot().awaitingFence().iterator().next();
        state.fenced(lost);

        assertThat(kinds()).containsExactly("JOINED 2/100", "QUORUM_GAINED 1/50", "LEFT 2/100", "QUORUM_LOST 1/50",
                "FENCED 2/100");
        assertThat(events.get(2).snapshot().awaitingFence()).containsExactly(lost);
        assertThat(state.snapshot().awaitingFence()).isEmpty();
        assertThat(events.stream().mapToLong(e -> e.snapshot().viewId()).toArray()).isSorted();
    }

    @Test
    void lostIncarnationMergedBackUnderANewUuid_isRefused_untilTheNodeRestarts() throws Exception {
        com.hazelcast.cluster.Member first = node(3, 100);
        state.added(first);
        state.removed(first);

        state.added(node(3, 100));
        assertThat(state.snapshot().member(3)).isEmpty();

        state.added(node(3, 101));
        assertThat(state.snapshot().member(3).orElseThrow().incarnation()).isEqualTo(101);
        assertThat(kinds()).containsSubsequence("LEFT 3/100", "JOINED 3/101");
    }

    @Test
    void newerLifeJoiningBeforeTheOldOneTimedOut_losesTheOldOne_whichMustBeFenced() throws Exception {
        state.added(node(2, 100));
        state.added(node(2, 101));

        assertThat(kinds()).containsSubsequence("JOINED 2/100", "LEFT 2/100", "JOINED 2/101");
        assertThat(state.snapshot().awaitingFence()).extracting(Member::incarnation).containsExactly(100L);
        assertThat(state.snapshot().recoverable()).isFalse();
    }

    @Test
    void strangers_areNeverMembers_norCountedForQuorum() throws Exception {
        Map<String, String> otherVersion = new HashMap<>(MemberAttributes.of(conf, conf.nodeById(2).orElseThrow(), 1));
        otherVersion.put(MemberAttributes.CONFIG_VERSION, "7");
        Map<String, String> wrongName = new HashMap<>(MemberAttributes.of(conf, conf.nodeById(2).orElseThrow(), 1));
        wrongName.put(MemberAttributes.NAME, "node3");
        Map<String, String> unknownId = new HashMap<>(MemberAttributes.of(conf, conf.nodeById(2).orElseThrow(), 1));
        unknownId.put(MemberAttributes.NODE_ID, "9");

        state.added(hz(Map.of()));
        state.added(hz(otherVersion));
        state.added(hz(wrongName));
        state.added(hz(unknownId));
        state.added(node(1, 49));

        assertThat(events).isEmpty();
        assertThat(state.snapshot().members()).extracting(Member::nodeId).containsExactly(1);
        assertThat(MemberAttributes.check(conf, wrongName, "m")).isInstanceOf(MemberAttributes.Refused.class)
                .hasToString("Refused[reason=m claims name 'node3' for nodeid 2, cluster.conf names that node "
                        + "'node2']");
    }

    @Test
    void expelledAfterAMerge_everyoneElseIsLost_andNoOneIsLetBackIn() throws Exception {
        state.added(node(2, 100));
        state.added(node(3, 100));
        assertThat(state.snapshot().quorate()).isTrue();

        state.expel();
        state.added(node(2, 102));

        assertThat(state.snapshot().members()).extracting(Member::nodeId).containsExactly(1);
        assertThat(state.snapshot().quorate()).isFalse();
        assertThat(kinds()).contains("QUORUM_LOST 1/50").doesNotContain("JOINED 2/102");
    }
}
