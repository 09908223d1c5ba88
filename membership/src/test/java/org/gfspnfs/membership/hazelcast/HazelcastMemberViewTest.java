package org.gfspnfs.membership.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.gfspnfs.conf.ClusterConf;
import org.gfspnfs.membership.api.Member;
import org.gfspnfs.membership.api.MemberEvent;
import org.gfspnfs.membership.api.MemberEvent.Kind;
import org.gfspnfs.membership.testing.TestConf;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three Hazelcast members in this JVM on 127.0.0.1, one cluster shared by the scenarios, which run in order
 * (starting Hazelcast is slow): join, refusals, then losses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HazelcastMemberViewTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private Path dir;

    private final Clock clock = Clock.systemUTC();
    private TestConf testConf;
    private ClusterConf conf;
    private final Map<Integer, HazelcastMemberView> views = new ConcurrentHashMap<>();
    private final Map<Integer, List<MemberEvent>> events = new ConcurrentHashMap<>();

    @BeforeAll
    void startThree(@TempDir Path tempDir) {
        dir = tempDir;
        testConf = TestConf.in(dir).nodes(3);
        conf = testConf.write("cluster.conf");
        List<CompletableFuture<Void>> starting = new ArrayList<>();
        for (int id = 1; id <= 3; id++) {
            int nodeId = id;
            starting.add(CompletableFuture.runAsync(() -> {
                try {
                    HazelcastMemberView view = HazelcastMemberView.start(conf, "node" + nodeId, null, clock);
                    List<MemberEvent> seen = new CopyOnWriteArrayList<>();
                    events.put(nodeId, seen);
                    view.addListener(seen::add);
                    views.put(nodeId, view);
                } catch (MembershipRefusedException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        starting.forEach(CompletableFuture::join);
    }

    @AfterAll
    void stopAll() {
        views.values().forEach(HazelcastMemberView::close);
    }

    private List<Integer> memberIds(int nodeId) {
        return views.get(nodeId).snapshot().members().stream().map(Member::nodeId).toList();
    }

    @Test
    @Order(1)
    void threeNodes_formOneQuorateView_withTheirConfIdentities() {
        for (int id = 1; id <= 3; id++) {
            int nodeId = id;
            await().atMost(WAIT).until(() -> memberIds(nodeId).equals(List.of(1, 2, 3)));
            assertThat(views.get(nodeId).snapshot().quorate()).isTrue();
            assertThat(views.get(nodeId).snapshot().self().name()).isEqualTo("node" + nodeId);
        }
        assertThat(views.get(1).snapshot().member(2).orElseThrow().incarnation())
                .isEqualTo(views.get(2).self().incarnation());
        assertThat(views.get(1).quorum().quorum()).isEqualTo(2);
    }

    @Test
    @Order(2)
    void processWhoseNameIsNotInTheConf_isRefused() {
        assertThatThrownBy(() -> HazelcastMemberView.start(conf, "intruder", null, clock))
                .isInstanceOf(MembershipRefusedException.class)
                .hasMessageContaining("'intruder' is not in cluster.conf")
                .hasMessageContaining("node1");
    }

    @Test
    @Order(3)
    void nodeWithAnotherConfigVersion_isRefused_andNeverCounted() {
        ClusterConf newer = TestConf.in(dir).nodes(4).samePortsAs(testConf).configVersion(2).write("v2.conf");

        assertThatThrownBy(() -> HazelcastMemberView.start(newer, "node4", null, clock))
                .isInstanceOf(MembershipRefusedException.class)
                .hasMessageContaining("config_version 1")
                .hasMessageContaining("this node has 2");
        for (int id = 1; id <= 3; id++) {
            assertThat(memberIds(id)).containsExactly(1, 2, 3);
        }
    }

    @Test
    @Order(4)
    void crashedMember_isLost_quorumKept_andOnlyFencingCompletesIt() {
        long before = views.get(1).snapshot().viewId();
        HazelcastMemberView three = views.remove(3);
        Member lost = three.self();

        three.terminate();
        three.close();

        for (int id = 1; id <= 2; id++) {
            int nodeId = id;
            await().atMost(WAIT).until(() -> events.get(nodeId).stream()
                    .anyMatch(e -> e.kind() == Kind.LEFT && e.member().equals(lost)));
            assertThat(views.get(nodeId).snapshot().quorate()).isTrue();
            assertThat(views.get(nodeId).snapshot().awaitingFence()).containsExactly(lost);
            assertThat(views.get(nodeId).snapshot().recoverable()).isFalse();
        }
        assertThat(views.get(1).snapshot().viewId()).isGreaterThan(before);

        views.get(1).fenced(lost);

        await().atMost(WAIT).until(() -> views.get(1).snapshot().recoverable());
        assertThat(events.get(1).stream().map(MemberEvent::kind).toList()).containsSubsequence(Kind.LEFT,
                Kind.FENCED);
    }

    @Test
    @Order(5)
    void secondLoss_losesQuorum_theSurvivorFreezes() {
        HazelcastMemberView two = views.remove(2);
        two.terminate();
        two.close();

        await().atMost(WAIT).until(() -> events.get(1).stream().anyMatch(e -> e.kind() == Kind.QUORUM_LOST));
        assertThat(views.get(1).snapshot().quorate()).isFalse();
        assertThat(views.get(1).quorum().toString()).contains("INQUORATE");
    }
}
