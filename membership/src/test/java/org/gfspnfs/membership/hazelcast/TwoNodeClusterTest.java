package org.gfspnfs.membership.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.gfspnfs.conf.ClusterConf;
import org.gfspnfs.membership.FenceAgents;
import org.gfspnfs.membership.MonotonicClock;
import org.gfspnfs.membership.api.Member;
import org.gfspnfs.membership.api.MemberEvent;
import org.gfspnfs.membership.api.ViewSnapshot;
import org.gfspnfs.membership.fence.FenceCoordinator;
import org.gfspnfs.membership.fence.ManualFenceAck;
import org.gfspnfs.membership.recovery.RecoveryHooks;
import org.gfspnfs.membership.recovery.RecoverySequence;
import org.gfspnfs.membership.recovery.RecoveryStep;
import org.gfspnfs.membership.recovery.StepOutcome;
import org.gfspnfs.membership.recovery.StepRecord;
import org.gfspnfs.membership.sbd.FenceAreas;
import org.gfspnfs.membership.testing.TestConf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** two_node: the survivor stays quorate alone, and works again only after it has fenced the other node. */
class TwoNodeClusterTest {
    @TempDir
    Path dir;

    @Test
    void twoNodeCluster_survivorResumesOnlyAfterFencingThePeer() throws Exception {
        ClusterConf conf = TestConf.in(dir).twoNode().write("cluster.conf");
        Clock clock = new MonotonicClock();
        CompletableFuture<HazelcastMemberView> second = CompletableFuture.supplyAsync(() -> {
            try {
                return HazelcastMemberView.start(conf, "node2", null, clock);
            } catch (MembershipRefusedException e) {
                throw new IllegalStateException(e);
            }
        });
        List<String> calls = new CopyOnWriteArrayList<>();
        try (HazelcastMemberView one = HazelcastMemberView.start(conf, "node1", null, clock);
             HazelcastMemberView two = second.join();
             FenceAreas areas = new FenceAreas(conf)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> one.snapshot().members().size() == 2);
            ManualFenceAck ack = new ManualFenceAck(clock);
            List<MemberEvent> events = new CopyOnWriteArrayList<>();
            one.addListener(events::add);
            try (FenceCoordinator fencer = new FenceCoordinator(conf, FenceAgents.of(conf, areas, 1, ack, dir, clock),
                    ack, () -> one.snapshot().quorate(), Duration.ofMillis(300), clock);
                 RecoverySequence recovery = new RecoverySequence(conf, one, fencer, one::fenced,
                         new Hooks(calls, one), Duration.ofMillis(200), Duration.ofMillis(500), clock)) {
                recovery.start();

                two.terminate();

                await().atMost(Duration.ofSeconds(30)).until(() -> calls.contains("resume"));
                assertThat(events).noneMatch(e -> e.kind() == MemberEvent.Kind.QUORUM_LOST);
                assertThat(one.quorum().toString()).contains("QUORATE").contains("two_node");
                List<StepRecord> log = recovery.records();
                StepRecord fenced = log.stream().filter(r -> r.step() == RecoveryStep.FENCE
                        && r.outcome() == StepOutcome.DONE).findFirst().orElseThrow();
                StepRecord resumed = log.stream().filter(r -> r.step() == RecoveryStep.RESUME).findFirst()
                        .orElseThrow();
                assertThat(fenced.seq()).isLessThan(resumed.seq());
                assertThat(calls).containsExactly("stop", "locks:recoverable", "resume");
            }
        }
    }

    /** Records calls, and whether the view was recoverable (peer fenced) when lock recovery ran. */
    private record Hooks(List<String> calls, HazelcastMemberView view) implements RecoveryHooks {
        @Override
        public void stop(ViewSnapshot v) {
            calls.add("stop");
        }

        @Override
        public void recoverLocks(ViewSnapshot v,
                                 Set<Member> lost) {
            calls.add(v.recoverable() && view.snapshot().awaitingFence().isEmpty() ? "locks:recoverable"
                    : "locks:UNFENCED");
        }

        @Override
        public void recoverJournal(ViewSnapshot v,
                                   Member lost) {
        }

        @Override
        public void recoverPnfs(ViewSnapshot v, Member lost) {
        }

        @Override
        public void resume(ViewSnapshot v) {
            calls.add("resume");
        }
    }
}
