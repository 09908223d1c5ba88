package org.gfspnfs.control.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gfspnfs.control.testkit.ThreeNodeCluster;
import org.gfspnfs.control.testkit.ThreeNodeCluster.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node that accepts connections but never answers is reported, not waited on. */
class GfsctlSilentNodeTest {
    @TempDir
    Path dir;

    @Test
    void silentNode_reportedAsNoAnswer_othersAnswer_exitNoAnswer() throws IOException {
        try (ThreeNodeCluster cluster = ThreeNodeCluster.startWithSilentNode3(dir)) {
            Run run = assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> cluster.gfsctl("status", "--timeout", "500ms"));

            assertThat(run.exitCode()).isEqualTo(ExitCodes.NO_ANSWER);
            assertThat(run.out()).contains("== node1", "== node2", "node3: no answer (timeout 500ms)");
        }
    }

    @Test
    void silentNode_json_outcomeNoAnswerWithKindTimeout() throws IOException {
        try (ThreeNodeCluster cluster = ThreeNodeCluster.startWithSilentNode3(dir)) {
            Run run = cluster.gfsctl("ls", "--timeout", "500ms", "--json");

            JsonNode nodes = new ObjectMapper().readTree(run.out()).get("nodes");
            assertThat(nodes.get(0).get("outcome").asText()).isEqualTo("ok");
            assertThat(nodes.get(2).get("outcome").asText()).isEqualTo("no-answer");
            assertThat(nodes.get(2).at("/error/kind").asText()).isEqualTo("TIMEOUT");
            assertThat(run.exitCode()).isEqualTo(ExitCodes.NO_ANSWER);
        }
    }

    @Test
    void stoppedNode_reportedUnreachable() throws IOException {
        try (ThreeNodeCluster cluster = ThreeNodeCluster.start(dir)) {
            cluster.server(1).close();

            Run run = cluster.gfsctl("ping", "--timeout", "1s");

            assertThat(run.exitCode()).isEqualTo(ExitCodes.NO_ANSWER);
            assertThat(run.out()).contains("node1: ok", "node3: ok").containsPattern("node2: unreachable: .+");
        }
    }
}
