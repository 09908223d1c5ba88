package org.gfspnfs.control.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gfspnfs.control.api.LockMode;
import org.gfspnfs.control.testkit.ThreeNodeCluster;
import org.gfspnfs.control.testkit.ThreeNodeCluster.Run;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** gfsctl against a 3-node cluster of real control-channel servers, found through a real cluster.conf. */
class GfsctlClusterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private ThreeNodeCluster cluster;
    private long exLock;
    private long waitLock;

    @BeforeEach
    void start() throws IOException {
        cluster = ThreeNodeCluster.start(dir);
        // node1 holds an inode glock EX and caches its LVB; node2 waits for PR on it; node3 holds an rgrp lock.
        exLock = cluster.state().hold("fs1", "inode/1001", 1, LockMode.EX);
        cluster.state().setLvb("fs1", "inode/1001", new byte[] {0, 0, 0, 42});
        waitLock = cluster.state().await("fs1", "inode/1001", 2, LockMode.PR);
        cluster.state().hold("fs1", "rgrp/17", 3, LockMode.PW);
        cluster.state().hold("fs1", "rgrp/17", 2, LockMode.NL);
    }

    @AfterEach
    void stop() throws IOException {
        cluster.close();
    }

    @Test
    void status_allNodes_showsEachNodesMemberViewAndQuorum() {
        Run run = cluster.gfsctl("status");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("== node1 (nodeid 1, roles mds,ds)", "== node2 (nodeid 2, roles ds)",
                "== node3 (nodeid 3, roles ds)", "quorum: quorate, 3 of 3 expected votes, quorum 2");
        assertThat(lines(run.out(), "node2 ")).hasSize(3).allMatch(l -> l.contains("MEMBER"));
    }

    @Test
    void status_afterMemberLoss_showsFencingAndRecoveryStepsWithTimestamps() throws IOException {
        cluster.state().lose("node3");

        Run run = cluster.gfsctl("status", "--node", "node1");

        assertThat(run.out()).contains("quorum: quorate, 2 of 3 expected votes");
        assertThat(run.out()).containsPattern("node3 +disk +FAILED +\\d{4}-\\d\\d-\\d\\d ");
        assertThat(run.out()).containsPattern("node3 +MEMBER_LOST +DONE +\\d{4}-");
        assertThat(run.out()).containsPattern("node3 +FENCING +RUNNING +\\d{4}-\\S+ \\S+ +- ");
        JsonNode json = json(cluster.gfsctl("status", "--node", "node1", "--json"));
        JsonNode recovery = json.at("/nodes/0/result/recovery");
        assertThat(recovery).hasSize(3);
        assertThat(recovery.get(2).get("phase").asText()).isEqualTo("FENCING");
        assertThat(recovery.get(2).get("finishedAt").isNull()).isTrue();
        assertThat(recovery.get(0).get("startedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    }

    @Test
    void ls_showsLockspaceOnEveryNodeWithItsMembers() {
        Run run = cluster.gfsctl("ls");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        for (String node : ThreeNodeCluster.NAMES) {
            assertThat(lines(run.out(), node + " ")).singleElement().asString()
                    .contains("fs1").contains("RUNNING").contains("1 2 3");
        }
    }

    @Test
    void locks_showHeldLocksOnNamedResourcesWithNodeAndMode() {
        Run run = cluster.gfsctl("locks", "fs1");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        String node1 = section(run.out(), "node1");
        assertThat(node1).containsPattern("inode/1001 +1 +granted +" + Formats.lockId(exLock) + " +1 +EX +- ");
        assertThat(node1).containsPattern("inode/1001 +1 +waiting +" + Formats.lockId(waitLock) + " +2 +- +PR ");
        assertThat(node1).contains("0000002a");
        String node3 = section(run.out(), "node3");
        assertThat(node3).containsPattern("rgrp/17 +3 +granted +\\S+ +3 +PW ");
        assertThat(node3).doesNotContain("inode/1001");
    }

    @Test
    void locksJson_reportsMasterQueuesModesAndLvb() {
        JsonNode json = json(cluster.gfsctl("locks", "fs1", "--json", "--node", "node1"));

        assertThat(json.get("command").asText()).isEqualTo("locks");
        JsonNode resource = json.at("/nodes/0/result/0");
        assertThat(resource.get("name").asText()).isEqualTo("inode/1001");
        assertThat(resource.get("masterNodeId").asInt()).isEqualTo(1);
        assertThat(resource.at("/granted/0/nodeId").asInt()).isEqualTo(1);
        assertThat(resource.at("/granted/0/grantedMode").asText()).isEqualTo("EX");
        assertThat(resource.at("/waiting/0/requestedMode").asText()).isEqualTo("PR");
        assertThat(resource.at("/waiting/0/age").isIntegralNumber()).isTrue();
        assertThat(resource.get("lvb").asText()).isEqualTo("0000002a");
    }

    @ParameterizedTest
    @ValueSource(strings = {"status", "members", "ls", "locks fs1", "waiters", "waiters fs1", "fs", "clients",
            "sessions", "opens", "delegations", "layouts", "layouts --file ino:1001", "layouts --ds node2", "ping"})
    void everyQuery_jsonParses_withOneEntryPerNode(String command) {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.add("--json");

        Run run = cluster.gfsctl(args.toArray(String[]::new));

        JsonNode json = json(run);
        assertThat(json.get("command").asText()).isEqualTo(args.get(0));
        assertThat(json.get("nodes")).hasSize(3);
        for (JsonNode node : json.get("nodes")) {
            assertThat(node.get("outcome").asText()).isIn("ok", "not-served");
            assertThat(node.get("address").asText()).startsWith("127.0.0.1:");
        }
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void sharedOptions_beforeTheSubcommand_meanTheSameAsAfterIt() {
        Run before = cluster.gfsctl("--conf", cluster.conf().toString(), "--node", "node2", "--json", "status");
        Run after = cluster.gfsctl("status", "--conf", cluster.conf().toString(), "--node", "node2", "--json");

        assertThat(before.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(json(before).get("nodes")).hasSize(1);
        assertThat(json(before).get("nodes").get(0).get("node").asText()).isEqualTo("node2");
        assertThat(json(after).get("nodes")).hasSize(1);
        assertThat(json(after).get("nodes").get(0).get("node").asText()).isEqualTo("node2");
    }

    @Test
    void nfsQueries_answeredByMds_otherNodesSayNotServed() {
        Run run = cluster.gfsctl("clients");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).containsPattern("node1 +5f3e2a1000000001 +Linux NFSv4.1 client1 .*CONFIRMED");
        assertThat(run.out()).contains("node2: not served:", "node3: not served:");
    }

    @Test
    void delegations_showHolderTypeAndRecall() {
        Run run = cluster.gfsctl("delegations");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("RECALLING");
        assertThat(run.out()).containsPattern("node1 +00000003a1b2c3d4e5f60718293a4b5c +5f3e2a1000000001 +ino:1001 +WRITE"
                + " +yes");
        assertThat(run.out()).contains("node2: not served:", "node3: not served:");
    }

    @Test
    void nodeOption_asksOnlyThatNode() {
        int before = cluster.node(0).providerCalls();

        Run run = cluster.gfsctl("ls", "--node", "node2");

        assertThat(run.out()).contains("node2 ").doesNotContain("node1 ").doesNotContain("node3 ");
        assertThat(cluster.node(0).providerCalls()).isEqualTo(before);
    }

    @Test
    void unknownLockspace_reportedPerNode_exitNodeError() {
        Run run = cluster.gfsctl("locks", "nosuch");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.NODE_ERROR);
        assertThat(run.out()).contains("node1: error NOENT: node node1 is not in lockspace nosuch");
    }

    @Test
    void fenceAck_ofLostNode_completesFencingStep_ofLiveNode_refused() {
        cluster.state().lose("node3");

        Run ack = cluster.gfsctl("fence-ack", "node3", "--node", "node1");
        Run again = cluster.gfsctl("fence-ack", "node2", "--node", "node1");

        assertThat(ack.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(ack.out()).contains("node1: fencing of node3 acknowledged");
        assertThat(cluster.gfsctl("status", "--node", "node2").out())
                .containsPattern("node3 +3 +FENCED").containsPattern("node3 +FENCING +DONE")
                .containsPattern("node3 +manual +ACKNOWLEDGED");
        assertThat(again.exitCode()).isEqualTo(ExitCodes.NODE_ERROR);
        assertThat(again.out()).contains("error REFUSED: node2 is MEMBER, not being fenced");
    }

    @Test
    void evictClient_removesItFromClients() {
        Run evict = cluster.gfsctl("evict-client", "5f3e2a1000000001", "--node", "node1");

        assertThat(evict.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(cluster.gfsctl("clients", "--node", "node1").out()).doesNotContain("5f3e2a1000000001");
        assertThat(cluster.gfsctl("evict-client", "5f3e2a1000000001", "--node", "node1").exitCode())
                .isEqualTo(ExitCodes.NODE_ERROR);
    }

    @Test
    void recallLayouts_ofFile_reportsCount() {
        Run run = cluster.gfsctl("recall-layouts", "--file", "ino:1001", "--node", "node1");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("node1: recalled 1 layouts (1)");
    }

    @Test
    void lockspaceLeave_needsOneNode_thenOnlyThatNodeLeaves() {
        Run refused = cluster.gfsctl("lockspace-leave", "fs1");
        Run leave = cluster.gfsctl("lockspace-leave", "fs1", "--node", "node2");

        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).contains("--node NAME");
        assertThat(leave.exitCode()).isEqualTo(ExitCodes.OK);
        Run ls = cluster.gfsctl("ls");
        assertThat(lines(ls.out(), "node2 ")).isEmpty();
        assertThat(lines(ls.out(), "node1 ")).singleElement().asString().contains("1 3");
        assertThat(cluster.gfsctl("lockspace-join", "fs1", "--node", "node2").exitCode()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void wrongKeyFile_everyNodeRefuses_andNoProviderRuns() throws IOException {
        Path wrong = dir.resolve("wrong.key");
        Files.write(wrong, "not the cluster key at all".getBytes());

        Run run = cluster.gfsctl("status", "--key-file", wrong.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.AUTH_REFUSED);
        assertThat(lines(run.out(), "refused")).hasSize(3);
        assertThat(cluster.node(0).providerCalls() + cluster.node(1).providerCalls()
                + cluster.node(2).providerCalls()).isZero();
    }

    @Test
    void missingConfOrUnknownNode_configExitCode() {
        Run missing = ThreeNodeCluster.gfsctlRaw("status", "--conf", dir.resolve("nope.conf").toString());
        Run unknown = cluster.gfsctl("status", "--node", "node9");

        assertThat(missing.exitCode()).isEqualTo(ExitCodes.CONFIG);
        assertThat(missing.err()).contains("nope.conf");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.CONFIG);
        assertThat(unknown.err()).contains("no node 'node9'", "node1, node2, node3");
    }

    @Test
    void generateCompletion_printsBashCompletionForAllSubcommands() {
        Run run = ThreeNodeCluster.gfsctlRaw("generate-completion");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("complete -F", "gfsctl", "fence-ack", "locks", "lockspace-leave");
    }

    private static List<String> lines(String text, String prefix) {
        return text.lines().filter(l -> l.startsWith(prefix) || (prefix.equals("refused") && l.contains(prefix)))
                .toList();
    }

    /** The block of output after "== NODE:" or "== NODE " up to the next "==". */
    private static String section(String text, String node) {
        int start = text.indexOf("== " + node);
        int end = text.indexOf("\n== ", start + 1);
        return text.substring(start, end < 0 ? text.length() : end);
    }

    private static JsonNode json(Run run) {
        try {
            return JSON.readTree(run.out());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + run.out() + run.err(), e);
        }
    }
}
