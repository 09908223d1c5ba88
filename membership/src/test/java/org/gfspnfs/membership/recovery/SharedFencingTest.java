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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gfspnfs.conf.ClusterConf;
import org.gfspnfs.membership.FenceAgents;
import org.gfspnfs.membership.MonotonicClock;
import org.gfspnfs.membership.api.ManualMembership;
import org.gfspnfs.membership.api.Member;
import org.gfspnfs.membership.api.MemberView;
import org.gfspnfs.membership.fence.FenceConfirmation;
import org.gfspnfs.membership.fence.FenceCoordinator;
import org.gfspnfs.membership.fence.ManualFenceAck;
import org.gfspnfs.membership.sbd.DiskFenceLedger;
import org.gfspnfs.membership.sbd.FenceAreas;
import org.gfspnfs.membership.testing.TestConf;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several survivors, each with its own recovery sequence, fence coordinator and open of the shared fence area, over
 * the in-JVM member view: one fences (the lowest node id), the others learn it from the disk; an orderly leave is
 * not fenced at all. The exec agent logs every run to a file, so "exactly one agent run" is counted, not assumed.
 */
class SharedFencingTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final Clock clock = new MonotonicClock();
    private final Map<Integer, Node> nodes = new HashMap<>();
    private ManualMembership cluster;
    private ClusterConf conf;
    private Path runs;

    private static Member member(int id) {
        return new Member(id, "node" + id, 1000 + id, new InetSocketAddress("127.0.0.1", 20000 + id));
    }

    /** A cluster of n nodes fenced by an exec agent that logs "ok|fail nodename" and fails while fail exists. */
    private void start(int n) throws IOException {
        start(n, 0);
    }

    /** As {@link #start(int)}, without node {@code absent} (it joins later, or never). */
    private void start(int n, int absent) throws IOException {
        runs = dir.resolve("runs.log");
        Path agent = dir.resolve("fence_counting");
        Files.writeString(agent, "#!/bin/sh\nvictim=$(sed -n 's/^nodename=//p')\n"
                + "if [ -e '" + dir.resolve("fail") + "' ]; then echo \"fail $victim\" >> '" + runs + "'; exit 1; fi\n"
                + "echo \"ok $victim\" >> '" + runs + "'\n");
        Files.setPosixFilePermissions(agent, PosixFilePermissions.fromString("rwx------"));
        conf = TestConf.in(dir).nodes(n).fencing("<fencedevice name=\"pdu\" agent=\"" + agent + "\"/>",
                id -> "<method name=\"power\"><device name=\"pdu\" port=\"" + id + "\"/></method>")
                .write("cluster.conf");
        cluster = new ManualMembership(n);
        for (int id = 1; id <= n; id++) {
            if (id != absent) {
                cluster.join(member(id));
            }
        }
        for (int id = 1; id <= n; id++) {
            if (id != absent) {
                nodes.put(id, new Node(id, cluster.view(id).orElseThrow()));
            }
        }
    }

    @AfterEach
    void stop() {
        nodes.values().forEach(Node::close);
        if (cluster != null) {
            cluster.close();
        }
    }

    private List<String> agentRuns() throws IOException {
        return Files.exists(runs) ? Files.readAllLines(runs) : List.of();
    }

    private void crash(int id) {
        cluster.crash(id);
        nodes.remove(id).close();
    }

    @Test
    void crash_lowestSurvivorRunsTheAgentOnce_theOthersLearnFromItsRecord() throws Exception {
        start(3);

        crash(3);

        nodes.get(1).awaitResumed();
        nodes.get(2).awaitResumed();
        assertThat(agentRuns()).containsExactly("ok node3");
        assertThat(nodes.get(1).fenceDone(3)).contains("fenced by method power (pdu: agent ");
        assertThat(nodes.get(2).fenceDone(3)).startsWith("fenced by node 1 at ").contains("method power");
        assertThat(nodes.get(2).steps()).contains("FENCE WAITING").doesNotContain("FENCE STARTED");
        assertThat(nodes.get(2).hooks.calls).containsExactly("stop", "locks [3]", "journal 3", "pnfs 3", "resume");
        Optional<FenceConfirmation> record = nodes.get(2).ledger.confirmation(3, 1003);
        assertThat(record).hasValueSatisfying(c -> assertThat(c.fencer()).isEqualTo(1));
    }

    @Test
    void fencerDies_whileFencing_theNextLowestTakesOver_andFencesBoth() throws Exception {
        start(5);
        Files.createFile(dir.resolve("fail"));
        crash(5);
        await().atMost(WAIT).until(() -> agentRuns().contains("fail node5"));
        assertThat(nodes.get(3).steps()).contains("FENCE WAITING");

        Files.delete(dir.resolve("fail"));
        crash(1);

        for (int id = 2; id <= 4; id++) {
            nodes.get(id).awaitResumed();
        }
        assertThat(agentRuns()).filteredOn(l -> l.startsWith("ok")).containsExactlyInAnyOrder("ok node5",
                "ok node1");
        assertThat(nodes.get(3).fenceDone(5)).startsWith("fenced by node 2 ");
        assertThat(nodes.get(4).fenceDone(1)).startsWith("fenced by node 2 ");
        assertThat(nodes.get(2).fenceDone(5)).startsWith("fenced by method power");
    }

    @Test
    void nodeThatJoinedAfterALoss_neverBecomesItsFencer() throws Exception {
        start(4, 1);
        crash(4);
        await().atMost(WAIT).until(() -> nodes.get(2).steps().contains("QUORUM_CHECK WAITING"));

        nodes.put(1, new Node(1, cluster.join(member(1))));

        nodes.get(2).awaitResumed();
        nodes.get(3).awaitResumed();
        assertThat(agentRuns()).containsExactly("ok node4");
        assertThat(nodes.get(2).fenceDone(4)).startsWith("fenced by method power");
        assertThat(nodes.get(3).fenceDone(4)).startsWith("fenced by node 2 ");
        assertThat(nodes.get(1).recovery.records()).isEmpty();
    }

    @Test
    void manualAckOnAWaitingSurvivor_releasesTheFencerToo() throws Exception {
        start(3);
        Files.createFile(dir.resolve("fail"));
        crash(3);
        await().atMost(WAIT).until(() -> agentRuns().contains("fail node3"));
        await().atMost(WAIT).until(() -> nodes.get(2).steps().contains("FENCE WAITING"));

        assertThat(nodes.get(2).ack.acknowledge(3, "admin@console")).isTrue();

        nodes.get(1).awaitResumed();
        nodes.get(2).awaitResumed();
        assertThat(nodes.get(2).fenceDone(3)).contains("manual acknowledgement by admin@console");
        assertThat(nodes.get(1).fenceDone(3)).startsWith("fenced by node 2 ")
                .contains("manual acknowledgement by admin@console");
        assertThat(agentRuns()).noneMatch(l -> l.startsWith("ok"));
    }

    @Test
    void cleanLeave_isNotFenced_andItsJournalIsNotReplayed() throws Exception {
        start(3);
        Node leaving = nodes.get(3);

        leaving.ledger.recordLeft(3, 1003);
        crash(3);

        nodes.get(1).awaitResumed();
        nodes.get(2).awaitResumed();
        assertThat(agentRuns()).isEmpty();
        for (int id = 1; id <= 2; id++) {
            Node n = nodes.get(id);
            assertThat(n.detail(RecoveryStep.MEMBER_LOST, 3)).startsWith("left cleanly (incarnation 1003)");
            assertThat(n.fenceDone(3)).isEqualTo("not fenced: left cleanly");
            assertThat(n.detail(RecoveryStep.JOURNAL_RECOVERY, 3)).contains("left cleanly, its journal is clean");
            assertThat(n.hooks.calls).containsExactly("stop", "locks []", "pnfs 3", "resume");
            assertThat(n.view.snapshot().quorate()).isTrue();
        }
    }

    /** One survivor's recovery stack. */
    private final class Node {
        final RecordingHooks hooks = new RecordingHooks();
        final ManualFenceAck ack = new ManualFenceAck(clock);
        final MemberView view;
        final FenceAreas areas;
        final FenceCoordinator fencer;
        final DiskFenceLedger ledger;
        final RecoverySequence recovery;

        Node(int id, MemberView view) throws IOException {
            this.view = view;
            areas = new FenceAreas(conf);
            fencer = new FenceCoordinator(conf, FenceAgents.of(conf, areas, id, ack, dir, clock), ack,
                    () -> view.snapshot().quorate(), Duration.ofMillis(300), clock);
            ledger = DiskFenceLedger.open(conf, areas, clock);
            recovery = new RecoverySequence(conf, view, fencer, ledger, m -> cluster.fence(m.nodeId()), hooks,
                    Duration.ofMillis(200), Duration.ofMillis(300), clock);
            recovery.start();
        }

        void awaitResumed() {
            await().atMost(WAIT).until(() -> hooks.calls.contains("resume")
                    && recovery.currentStep() == RecoveryStep.IDLE);
        }

        List<String> steps() {
            return recovery.records().stream().map(r -> r.step() + " " + r.outcome()).toList();
        }

        String detail(RecoveryStep step, int nodeId) {
            return recovery.records().stream().filter(r -> r.step() == step && r.nodeId() == nodeId
                    && r.outcome() == StepOutcome.DONE).findFirst().orElseThrow().detail();
        }

        String fenceDone(int nodeId) {
            return detail(RecoveryStep.FENCE, nodeId);
        }

        void close() {
            recovery.close();
            fencer.close();
            try {
                areas.close();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
