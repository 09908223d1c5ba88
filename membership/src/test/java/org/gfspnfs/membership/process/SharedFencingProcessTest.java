package org.gfspnfs.membership.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.gfspnfs.conf.ClusterConf;
import org.gfspnfs.membership.testing.TestConf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three nodes, each its own JVM, fenced by an exec agent that appends a line to a file on every run: a crash is
 * fenced by exactly one survivor (the lowest node id) while every survivor's recovery completes; an orderly leave is
 * fenced by nobody.
 */
class SharedFencingProcessTest {
    @TempDir
    Path dir;

    private Path runs;

    private ClusterConf conf() throws IOException {
        runs = dir.resolve("agent-runs.log");
        Path agent = dir.resolve("fence_counting");
        Files.writeString(agent, "#!/bin/sh\nvictim=$(sed -n 's/^nodename=//p')\necho \"$victim\" >> '" + runs
                + "'\n");
        Files.setPosixFilePermissions(agent, PosixFilePermissions.fromString("rwx------"));
        return TestConf.in(dir).nodes(3).fencing("<fencedevice name=\"pdu\" agent=\"" + agent + "\"/>",
                id -> "<method name=\"power\"><device name=\"pdu\" port=\"" + id + "\"/></method>")
                .write("cluster.conf");
    }

    private List<String> agentRuns() throws IOException {
        return Files.exists(runs) ? Files.readAllLines(runs) : List.of();
    }

    private static ProcessCluster started(ClusterConf conf, Path file) throws IOException {
        ProcessCluster cluster = new ProcessCluster(conf, file, List.of());
        for (int id = 1; id <= 3; id++) {
            cluster.start(id);
        }
        for (int id = 1; id <= 3; id++) {
            cluster.awaitView(id, "1,2,3");
        }
        return cluster;
    }

    @Test
    void kill9_exactlyOneAgentRun_everySurvivorsRecoveryCompletes() throws Exception {
        ClusterConf conf = conf();
        try (ProcessCluster cluster = started(conf, dir.resolve("cluster.conf"))) {
            long killedAt = System.currentTimeMillis();

            cluster.node(3).kill9();

            for (int id = 1; id <= 2; id++) {
                cluster.stepTime(id, "FENCE", 3, "DONE");
                cluster.stepTime(id, "RESUME", 0, "DONE");
            }
            long waiterDone = cluster.stepTime(2, "FENCE", 3, "DONE") - killedAt;
            System.out.printf("kill -9 of node3: fencer done after %d ms, waiting survivor after %d ms%n",
                    cluster.stepTime(1, "FENCE", 3, "DONE") - killedAt, waiterDone);
            assertThat(agentRuns()).containsExactly("node3");
            assertThat(cluster.node(1).find("STEP", t -> t.startsWith("FENCE 3 DONE "))).get().asString()
                    .contains("fenced by method power");
            assertThat(cluster.node(2).find("STEP", t -> t.startsWith("FENCE 3 DONE "))).get().asString()
                    .contains("fenced by node 1");
            assertThat(cluster.node(2).find("STEP", t -> t.startsWith("FENCE 3 STARTED "))).isEmpty();
        }
    }

    @Test
    void cleanLeave_isNotFenced_survivorsStayQuorate_andLogItAsLeftCleanly() throws Exception {
        ClusterConf conf = conf();
        try (ProcessCluster cluster = started(conf, dir.resolve("cluster.conf"))) {
            NodeProcess leaving = cluster.node(3);

            leaving.send("LEAVE");

            await("node3 leaves").atMost(ProcessCluster.WAIT).until(() -> !leaving.alive());
            assertThat(leaving.exitCode()).as(leaving.tail()).isZero();
            assertThat(leaving.find("LEFT", t -> true)).as(leaving.tail()).isPresent();
            for (int id = 1; id <= 2; id++) {
                cluster.stepTime(id, "RESUME", 0, "DONE");
                NodeProcess survivor = cluster.node(id);
                assertThat(survivor.find("STEP", t -> t.startsWith("MEMBER_LOST 3 DONE "))).get().asString()
                        .as(survivor.tail()).contains("left cleanly");
                assertThat(survivor.find("STEP", t -> t.startsWith("FENCE 3 DONE "))).get().asString()
                        .contains("not fenced: left cleanly");
                assertThat(survivor.find("STEP", t -> t.startsWith("JOURNAL_RECOVERY 3 DONE "))).get().asString()
                        .contains("its journal is clean");
                cluster.awaitView(id, "1,2");
                assertThat(survivor.find("HALT", t -> true)).isEmpty();
            }
            assertThat(agentRuns()).isEmpty();
        }
    }
}
