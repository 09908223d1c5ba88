package org.gfspnfs.node.cli.conf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gfspnfs.node.cli.ExitCodes;
import org.gfspnfs.node.cli.GfsPnfsMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code gfspnfs conf check} driven exactly as the launcher drives it. */
class ConfCheckCommandTest {

    private static final Path THREE_NODE = Path.of("..", "examples", "three-node.conf");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = GfsPnfsMain.newCommandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void threeNodeExample_isValid_andTheSummaryShowsNodesRolesQuorumAndFencing() {
        int exit = run("conf", "check", THREE_NODE.toString());

        assertThat(exit).isEqualTo(ExitCodes.OK);
        assertThat(err.toString()).isEmpty();
        assertThat(out.toString())
                .contains(THREE_NODE + ": valid: cluster \"demo\", config_version 1, 3 nodes")
                .containsPattern("node1 +1 +1 +mds,ds +127\\.0\\.0\\.1:5701 +127\\.0\\.0\\.1:21064")
                .containsPattern("node3 +3 +1 +ds +127\\.0\\.0\\.1:5703 .* - +127\\.0\\.0\\.1:20249")
                .contains("expected votes 3 (configured nodes have 3), quorum 2 votes")
                .contains("stays quorate with any 1 node down")
                .contains("MDS: node1 active; takes over in order: node2")
                .contains("node2: 1. disk: pill   2. human: operator")
                .contains("lock table demo:gfs0, 3 journals");
    }

    @Test
    void oneNodeExample_isValid_andQuorateAlone() {
        int exit = run("conf", "check", Path.of("..", "examples", "one-node.conf").toString());

        assertThat(exit).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("cluster \"solo\", config_version 1, 1 node")
                .contains("expected votes 1 (configured nodes have 1), quorum 1 votes")
                .contains("solo1: no methods configured (disk poison pill only)");
    }

    @Test
    void json_parses_andCarriesTheModel() throws IOException {
        int exit = run("conf", "check", "--json", THREE_NODE.toString());

        assertThat(exit).isEqualTo(ExitCodes.OK);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("valid").asBoolean()).isTrue();
        assertThat(json.get("format").asInt()).isEqualTo(1);
        assertThat(json.at("/cluster/name").asText()).isEqualTo("demo");
        assertThat(json.at("/quorum/quorum").asInt()).isEqualTo(2);
        assertThat(json.at("/nodes/1/endpoints/dlm").asText()).isEqualTo("127.0.0.1:21164");
        assertThat(json.at("/nodes/2/roles").toString()).isEqualTo("[\"ds\"]");
        assertThat(json.at("/nodes/0/fence/0/devices/0/name").asText()).isEqualTo("pill");
        assertThat(json.at("/timing/failure_timeout_ms").asLong()).isEqualTo(5000);
        assertThat(json.at("/mds_candidates").toString()).isEqualTo("[\"node1\",\"node2\"]");
        assertThat(json.get("problems").isEmpty()).isTrue();
    }

    @Test
    void invalidFile_listsEveryProblemWithItsLocation_andExitsOne(@TempDir Path dir) throws IOException {
        Path conf = Files.writeString(dir.resolve("cluster.conf"), """
                <cluster name="c" config_version="1">
                  <filesystem name="gfs0" device="disk.img"/>
                  <clusternodes>
                    <clusternode name="n1" nodeid="1" roles="mds,ds" vote="2"/>
                    <clusternode name="n2" nodeid="1"/>
                  </clusternodes>
                </cluster>
                """);

        int exit = run("conf", "check", conf.toString());

        assertThat(exit).isEqualTo(ExitCodes.INVALID);
        assertThat(err.toString())
                .contains(conf + ":4:54: unknown attribute 'vote' on <clusternode>")
                .contains("hint: did you mean 'votes'?")
                .contains(conf + ":5:28: nodeid=\"1\" is already used by node \"n1\" at line 4")
                .contains(conf + ": invalid, 2 problems");
    }

    @Test
    void invalidFile_json_isValidFalseWithTheProblems(@TempDir Path dir) throws IOException {
        Path conf = Files.writeString(dir.resolve("cluster.conf"), "<cluster name=\"c\"/>\n");

        int exit = run("conf", "check", "--json", conf.toString());

        assertThat(exit).isEqualTo(ExitCodes.INVALID);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("valid").asBoolean()).isFalse();
        assertThat(json.get("problems")).extracting(p -> p.get("line").asInt() + ":" + p.get("column").asInt()
                + " " + p.get("message").asText()).containsExactly(
                "1:1 <cluster> has no <clusternodes>",
                "1:1 <cluster> has no <filesystem>",
                "1:1 <cluster> is missing required attribute 'config_version'");
        assertThat(json.get("problems")).allSatisfy(p -> assertThat(p.get("hint").asText()).isNotBlank());
    }

    @Test
    void missingFile_exitsOne_withAMessageNamingThePath_notAStackTrace(@TempDir Path dir) {
        Path missing = dir.resolve("no-such.conf");

        int exit = run("conf", "check", missing.toString());

        assertThat(exit).isEqualTo(ExitCodes.INVALID);
        assertThat(err.toString()).isEqualTo("gfspnfs conf check: cannot read " + missing + ": no such file"
                + System.lineSeparator());
    }

    @Test
    void missingFile_json_stillPrintsOneParsableObject(@TempDir Path dir) throws IOException {
        int exit = run("conf", "check", "--json", dir.resolve("no-such.conf").toString());

        assertThat(exit).isEqualTo(ExitCodes.INVALID);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("valid").asBoolean()).isFalse();
        assertThat(json.at("/problems/0/line").isNull()).isTrue();
    }

    @Test
    void fencePasswords_areMaskedInTheSummary(@TempDir Path dir) throws IOException {
        Path conf = Files.writeString(dir.resolve("cluster.conf"), """
                <cluster name="c" config_version="1">
                  <filesystem name="gfs0" device="disk.img"/>
                  <fencedevices>
                    <fencedevice name="ipmi" agent="fence_ipmilan" login="root" passwd="hunter2"/>
                  </fencedevices>
                  <clusternodes>
                    <clusternode name="n1" nodeid="1" roles="mds,ds">
                      <fence><method><device name="ipmi" ipaddr="10.9.0.1"/></method></fence>
                    </clusternode>
                  </clusternodes>
                </cluster>
                """);

        assertThat(run("conf", "check", conf.toString())).isEqualTo(ExitCodes.OK);
        assertThat(run("conf", "check", "--json", conf.toString())).isEqualTo(ExitCodes.OK);

        assertThat(out.toString()).doesNotContain("hunter2").contains("login=root passwd=********")
                .contains("n1: 1. 1: ipmi [ipaddr=10.9.0.1]");
    }

    @Test
    void confWithoutSubcommand_isAUsageError() {
        assertThat(run("conf")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("gfspnfs conf: missing subcommand").contains("check");
    }

    @Test
    void missingFileArgument_isReportedAsAUsageError() {
        run("conf", "check");

        assertThat(err.toString()).contains("Missing required parameter: 'FILE'");
    }
}
