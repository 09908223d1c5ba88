package org.gfspnfs.membership.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.IntFunction;

import org.gfspnfs.conf.ClusterConf;
import org.gfspnfs.membership.FenceAgents;
import org.gfspnfs.membership.MonotonicClock;
import org.gfspnfs.membership.api.ManualMembership;
import org.gfspnfs.membership.api.Member;
import org.gfspnfs.membership.api.MemberView;
import org.gfspnfs.membership.fence.FenceCoordinator;
import org.gfspnfs.membership.fence.ManualFenceAck;
import org.gfspnfs.membership.sbd.FenceAreas;
import org.gfspnfs.membership.sbd.SlotMessage;
import org.gfspnfs.membership.testing.TestConf;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recovery sequence on node 1 of three, over the in-JVM member view, with the real fence agents.
 */
class RecoverySequenceTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private final Clock clock = new MonotonicClock();
    private final ManualMembership cluster = new ManualMembership(3);
    private final RecordingHooks hooks = new RecordingHooks();
    private ManualFenceAck ack;
    private FenceAreas areas;
    private FenceCoordinator fencer;
    private RecoverySequence recovery;

    private static Member member(int id) {
        return new Member(id, "node" + id, 1000 + id, new InetSocketAddress("127.0.0.1", 20000 + id));
    }

    private ClusterConf start(String devices, IntFunction<String> methods) {
        ClusterConf conf = TestConf.in(dir).fencing(devices, methods).write("cluster.conf");
        MemberView self = cluster.join(member(1));
        cluster.join(member(2));
        cluster.join(member(3));
        ack = new ManualFenceAck(clock);
        areas = new FenceAreas(conf);
        fencer = new FenceCoordinator(conf, FenceAgents.of(conf, areas, 1, ack, dir, clock), ack,
                () -> self.snapshot().quorate(), Duration.ofMillis(300), clock);
        recovery = new RecoverySequence(conf, self, fencer, m -> cluster.fence(m.nodeId()), hooks,
                Duration.ofMillis(200), Duration.ofMillis(300), clock);
        recovery.start();
        return conf;
    }

    @AfterEach
    void stop() throws IOException {
        if (recovery != null) {
            recovery.close();
            fencer.close();
            areas.close();
        }
        cluster.close();
    }

    private Path agent(String name, String body) throws IOException {
        Path script = dir.resolve(name);
        Files.writeString(script, "#!/bin/sh\ncat >/dev/null\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private List<String> steps() {
        return recovery.records().stream().map(r -> r.step() + " " + r.outcome()).toList();
    }

    @Test
    void crashedNode_isPoisonedBeforeItsLocksAndJournalAreRecovered_everyStepRecorded() throws Exception {
        ClusterConf conf = start("<fencedevice name=\"pill\" agent=\"disk\"/>",
                id -> "<method name=\"disk\"><device name=\"pill\"/></method>");

        cluster.crash(3);

        await().atMost(WAIT).until(() -> recovery.currentStep() == RecoveryStep.IDLE && hooks.calls.contains("resume"));
        assertThat(steps()).containsSubsequence("MEMBER_LOST DONE", "STOP DONE", "QUORUM_CHECK DONE",
                "FENCE STARTED", "FENCE DONE", "DLM_RECOVERY DONE", "JOURNAL_RECOVERY DONE", "PNFS_RECOVERY DONE",
                "RESUME DONE").noneMatch(s -> s.endsWith("FAILED"));
        assertThat(steps().subList(0, steps().indexOf("FENCE DONE"))).noneMatch(s -> s.startsWith("DLM")
                || s.startsWith("JOURNAL"));
        assertThat(hooks.calls).containsExactly("stop", "locks [3]", "journal 3", "pnfs 3", "resume");
        assertThat(hooks.lockRecoveryViews).allMatch(v -> v.recoverable());
        SlotMessage slot = areas.area(FenceAreas.location(conf, conf.fenceDevice("pill").orElseThrow())).read(3);
        assertThat(slot).isEqualTo(SlotMessage.poison(3, 1003, 1, slot.timeMillis()));
        StepRecord fenced = recovery.records().stream().filter(r -> r.step() == RecoveryStep.FENCE
                && r.outcome() == StepOutcome.DONE).findFirst().orElseThrow();
        assertThat(fenced.nodeId()).isEqualTo(3);
        assertThat(fenced.detail()).contains("method disk");
    }

    @Test
    void failingAgent_recoveryWaitsAndSaysWhy_untilAnOperatorAcknowledges() throws Exception {
        Path bad = agent("fence_bad", "echo 'PDU refused login' >&2; exit 1");
        start("<fencedevice name=\"pdu\" agent=\"" + bad + "\"/>",
                id -> "<method name=\"power\"><device name=\"pdu\" port=\"" + id + "\"/></method>");

        cluster.crash(3);

        await().atMost(WAIT).until(() -> recovery.records().stream().anyMatch(r -> r.step() == RecoveryStep.FENCE
                && r.outcome() == StepOutcome.WAITING && r.detail().contains("PDU refused login")
                && r.detail().contains("gfsctl fence ack node3")));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
                .until(() -> !hooks.calls.contains("locks [3]"));
        assertThat(recovery.currentStep()).isEqualTo(RecoveryStep.FENCE);
        assertThat(fencer.attempts()).hasSizeGreaterThanOrEqualTo(2).noneMatch(a -> a.success());

        assertThat(ack.acknowledge(3, "admin@console")).isTrue();

        await().atMost(WAIT).until(() -> hooks.calls.contains("resume"));
        assertThat(recovery.records()).anyMatch(r -> r.step() == RecoveryStep.FENCE
                && r.outcome() == StepOutcome.DONE && r.detail().contains("manual acknowledgement by admin@console"));
        assertThat(hooks.calls).containsExactly("stop", "locks [3]", "journal 3", "pnfs 3", "resume");
    }

    @Test
    void hungAgent_isKilled_thenTheManualMethodWaitsForTheOperator() throws Exception {
        Path hang = agent("fence_hang", "sleep 600");
        start("<fencedevice name=\"pdu\" agent=\"" + hang + "\"/><fencedevice name=\"human\" agent=\"manual\"/>",
                id -> "<method name=\"power\"><device name=\"pdu\"/></method>"
                        + "<method name=\"operator\"><device name=\"human\"/></method>");

        cluster.crash(2);

        await().atMost(WAIT).until(() -> recovery.records().stream().anyMatch(r -> r.outcome() == StepOutcome.WAITING
                && r.detail().contains("waiting for a manual acknowledgement")));
        assertThat(fencer.attempts()).anyMatch(a -> !a.success() && a.detail().contains("hung"));
        assertThat(hooks.calls).containsExactly("stop");

        assertThat(ack.acknowledge(2, "admin")).isTrue();

        await().atMost(WAIT).until(() -> hooks.calls.contains("resume"));
        assertThat(hooks.calls).containsExactly("stop", "locks [2]", "journal 2", "pnfs 2", "resume");
    }

    @Test
    void acknowledgementForANodeNobodyFences_isRefused() {
        start("<fencedevice name=\"pill\" agent=\"disk\"/>",
                id -> "<method name=\"disk\"><device name=\"pill\"/></method>");
        assertThat(ack.acknowledge(2, "admin")).isFalse();
    }

    @Test
    void inquoratePartition_freezesAndNeverFences() {
        start("<fencedevice name=\"pill\" agent=\"disk\"/>",
                id -> "<method name=\"disk\"><device name=\"pill\"/></method>");

        cluster.isolate(1);

        await().atMost(WAIT).until(() -> recovery.records().stream().anyMatch(r ->
                r.step() == RecoveryStep.QUORUM_CHECK && r.outcome() == StepOutcome.WAITING));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
                .until(() -> fencer.attempts().isEmpty() && recovery.currentStep() == RecoveryStep.QUORUM_CHECK);
        assertThat(hooks.calls).isNotEmpty().allMatch("stop"::equals);
        assertThat(steps()).noneMatch(s -> s.startsWith("FENCE"));
    }
}
