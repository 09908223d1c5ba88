package org.gfspnfs.conf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterConfParserTest {

    /** The examples live in the repository's examples/ directory, one level above this module. */
    private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();
    private static final Path FILE = Path.of("/etc/gfs-pnfs/cluster.conf");

    @Test
    void threeNodeExample_parsesIntoTheTypedModelTheOtherModulesRead() throws Exception {
        ClusterConf conf = ClusterConfParser.parse(EXAMPLES.resolve("three-node.conf"));

        assertThat(conf.name()).isEqualTo("demo");
        assertThat(conf.configVersion()).isEqualTo(1);
        assertThat(conf.quorum()).isEqualTo(new QuorumConf(3, false, false));
        assertThat(conf.nodes()).extracting(ClusterNode::name).containsExactly("node1", "node2", "node3");
        assertThat(conf.mdsCandidates()).extracting(ClusterNode::nodeId).containsExactly(1, 2);
        assertThat(conf.dataServers()).extracting(ClusterNode::nodeId).containsExactly(1, 2, 3);
        assertThat(conf.membershipAddresses()).containsExactly(new HostPort("127.0.0.1", 5701),
                new HostPort("127.0.0.1", 5702), new HostPort("127.0.0.1", 5703));
        ClusterNode node2 = conf.node("node2").orElseThrow();
        assertThat(node2.dlm()).isEqualTo(new HostPort("127.0.0.1", 21164));
        assertThat(node2.control()).isEqualTo(new HostPort("127.0.0.1", 21165));
        assertThat(node2.advertisedMds()).isEqualTo(new HostPort("127.0.0.1", 2149));
        assertThat(node2.advertisedDs()).isEqualTo(new HostPort("127.0.0.1", 20149));
        assertThat(node2.fenceMethods()).extracting(FenceMethod::name).containsExactly("disk", "human");
        assertThat(conf.nodeById(3).orElseThrow().listeningEndpoints()).doesNotContainKey(Channel.NFS_MDS);
        assertThat(conf.timing().failureTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(conf.timing().fenceTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(conf.filesystem().device()).isEqualTo(EXAMPLES.resolve("demo-disk.img"));
        assertThat(conf.filesystem().lockTable()).isEqualTo(new LockTable("demo", "gfs0"));
        assertThat(conf.keyFile()).isEqualTo(EXAMPLES.resolve("cluster.key"));
        assertThat(conf.fenceDevice("pill").orElseThrow().kind()).isEqualTo(FenceAgentKind.DISK);
        assertThat(conf.fenceDevice("operator").orElseThrow().kind()).isEqualTo(FenceAgentKind.MANUAL);
        assertThat(conf.poisonPillDevice(conf.fenceDevice("pill").orElseThrow()))
                .as("a disk fence device without device= uses the filesystem's shared device")
                .isEqualTo(conf.filesystem().device());
    }

    @Test
    void oneNodeExample_leftOutValuesTakeTheDocumentedDefaults() throws Exception {
        ClusterConf conf = ClusterConfParser.parse(EXAMPLES.resolve("one-node.conf"));

        ClusterNode node = conf.nodes().get(0);
        assertThat(conf.quorum()).isEqualTo(new QuorumConf(1, false, false));
        assertThat(conf.timing()).isEqualTo(Timing.DEFAULTS);
        assertThat(node.votes()).isEqualTo(ConfDefaults.VOTES);
        assertThat(node.roles()).containsExactly(Role.MDS, Role.DS);
        assertThat(node.membership()).isEqualTo(new HostPort("127.0.0.1", ConfDefaults.MEMBERSHIP_PORT));
        assertThat(node.dlm().port()).isEqualTo(ConfDefaults.DLM_PORT);
        assertThat(node.control().port()).isEqualTo(ConfDefaults.CONTROL_PORT);
        assertThat(node.nfsMds().port()).isEqualTo(ConfDefaults.NFS_MDS_PORT);
        assertThat(node.nfsDs().port()).isEqualTo(ConfDefaults.NFS_DS_PORT);
        assertThat(node.advertise()).isEqualTo("127.0.0.1");
        assertThat(conf.filesystem().lockTable().toString()).isEqualTo("solo:gfs0");
        assertThat(conf.filesystem().journals()).isEqualTo(1);
        assertThat(conf.newVoteQuorum().withMembers(Set.of(1)).quorate()).isTrue();
    }

    @Test
    void readmeAnnotatedExample_isAValidConfig() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("```xml\n") + "```xml\n".length();
        String xml = readme.substring(start, readme.indexOf("```", start));

        ClusterConf conf = parse(xml);

        assertThat(conf.nodes()).hasSize(3);
        assertThat(conf.node("a.example.com").orElseThrow().advertisedMds())
                .isEqualTo(new HostPort("nfs-a.example.com", 2049));
        assertThat(conf.fenceDevice("ipmi-a").orElseThrow().kind()).isEqualTo(FenceAgentKind.EXEC);
    }

    @Test
    void nodeWithoutRolesOrAddress_isADataServerAtItsOwnName() throws Exception {
        ClusterConf conf = parse("""
                <cluster name="c" config_version="7">
                  <filesystem name="gfs0" device="/dev/sdb"/>
                  <clusternodes>
                    <clusternode name="alpha.example.com" nodeid="1" roles="mds ds"/>
                    <clusternode name="beta.example.com" nodeid="2" advertise="203.0.113.2"/>
                  </clusternodes>
                </cluster>
                """);

        ClusterNode beta = conf.node("beta.example.com").orElseThrow();
        assertThat(beta.roles()).containsExactly(Role.DS);
        assertThat(beta.membership()).isEqualTo(new HostPort("beta.example.com", 5701));
        assertThat(beta.advertisedDs()).isEqualTo(new HostPort("203.0.113.2", 20049));
        assertThat(conf.quorum().expectedVotes()).isEqualTo(2);
        assertThat(conf.filesystem().device()).isEqualTo(Path.of("/dev/sdb"));
    }

    @Test
    void cmanTwoNodeIdiom_isReadAsVotequorumTwoNodeWithWaitForAll() throws Exception {
        ClusterConf conf = parse(twoNodes("<cman two_node=\"1\" expected_votes=\"1\"/>"));

        assertThat(conf.quorum()).isEqualTo(new QuorumConf(2, true, true));
    }

    @Test
    void twoNode_waitForAllMayBeSwitchedOffExplicitly() throws Exception {
        ClusterConf conf = parse(twoNodes("<quorum two_node=\"yes\" wait_for_all=\"0\"/>"));

        assertThat(conf.quorum()).isEqualTo(new QuorumConf(2, true, false));
    }

    @Test
    void legacyTotemAndFenceDaemon_setTheSameTimings() throws Exception {
        ClusterConf conf = parse(twoNodes("""
                <totem token="10000"/>
                  <fence_daemon post_join_delay="20" post_fail_delay="2"/>"""));

        assertThat(conf.timing().failureTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(conf.timing().postJoinDelay()).isEqualTo(Duration.ofSeconds(20));
        assertThat(conf.timing().postFailDelay()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void fenceArguments_nodeAttributesOverrideTheDevicesAsFencedPassesThem() throws Exception {
        ClusterConf conf = parse("""
                <cluster name="c" config_version="1">
                  <filesystem name="gfs0" device="disk.img"/>
                  <fencedevices>
                    <fencedevice name="apc" agent="fence_apc" ipaddr="10.9.0.1" login="admin" port="0"/>
                    <fencedevice name="pill" agent="disk" device="sbd.img"/>
                  </fencedevices>
                  <clusternodes>
                    <clusternode name="n1" nodeid="1" roles="mds,ds">
                      <fence>
                        <method><device name="apc" port="3" action="off"/></method>
                        <method><device name="pill"/></method>
                      </fence>
                    </clusternode>
                  </clusternodes>
                </cluster>
                """);

        ClusterNode node = conf.nodes().get(0);
        assertThat(node.fenceMethods()).extracting(FenceMethod::name).containsExactly("1", "2");
        FenceDeviceRef apc = node.fenceMethods().get(0).devices().get(0);
        assertThat(conf.fenceArguments(node, apc)).containsExactly(Map.entry("agent", "fence_apc"),
                Map.entry("ipaddr", "10.9.0.1"), Map.entry("login", "admin"), Map.entry("port", "3"),
                Map.entry("action", "off"), Map.entry("nodename", "n1"));
        assertThat(conf.poisonPillDevice(conf.fenceDevice("pill").orElseThrow()))
                .isEqualTo(FILE.getParent().resolve("sbd.img"));
    }

    @Test
    void everyProblem_isReportedAtOnce_sortedByPosition_withTheClosestNameSuggested() {
        ConfException e = catchThrowableOfType(ConfException.class, () -> parse("""
                <cluster name="c" config_version="1">
                  <quorum twonode="1"/>
                  <filesystem name="gfs0" device="disk.img"/>
                  <clusternodes>
                    <clusternode name="n1" nodeid="1" roles="mds,ds" vote="1"/>
                    <clustrnode name="n2"/>
                  </clusternodes>
                  <fence/>
                </cluster>
                """));

        assertThat(e.problems()).extracting(ConfProblem::location).containsExactly(
                FILE + ":2:11", FILE + ":5:54", FILE + ":6:5", FILE + ":8:3");
        assertThat(e.problems()).extracting(ConfProblem::hint).containsExactly(
                "did you mean 'two_node'?", "did you mean 'votes'?", "did you mean <clusternode>?",
                "<fence> belongs inside <clusternode>");
        assertThat(e.getMessage()).isEqualTo(FILE + ":2:11: unknown attribute 'twonode' on <quorum>"
                + " (and 3 more problems)");
    }

    @Test
    void attributeOnAContinuationLine_isLocatedAtItsOwnLineAndColumn() {
        ConfException e = catchThrowableOfType(ConfException.class, () -> parse("""
                <cluster name="c" config_version="1">
                  <filesystem name="gfs0" device="disk.img"/>
                  <clusternodes>
                    <clusternode name="n1"
                    \troles="mds,ds"
                        nodeid="x"/>
                  </clusternodes>
                </cluster>
                """));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(6);
            assertThat(p.column()).isEqualTo(9);
            assertThat(p.format()).isEqualTo(FILE + ":6:9: nodeid=\"x\" is not a whole number"
                    + System.lineSeparator() + "    hint: write a whole number from 1 to 255");
        });
    }

    @Test
    void externalEntities_areNeverResolved(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "s3cr3t");
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE cluster [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<cluster name=\"&x;\" config_version=\"1\"/>\n";

        ConfException e = catchThrowableOfType(ConfException.class, () -> parse(xml));

        assertThat(e.problems()).isNotEmpty();
        assertThat(e.problems()).noneSatisfy(p -> assertThat(p.message()).contains("s3cr3t"));
    }

    @Test
    void missingFile_isAnIOExceptionNamingThePath(@TempDir Path dir) {
        Path missing = dir.resolve("nope.conf");

        assertThatThrownBy(() -> ClusterConfParser.parse(missing)).isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void nonUtf8File_isReportedAsAProblem(@TempDir Path dir) throws IOException {
        Path latin1 = dir.resolve("latin1.conf");
        Files.write(latin1, "<cluster name=\"caf\u00e9\"/>".getBytes(StandardCharsets.ISO_8859_1));

        ConfException e = catchThrowableOfType(ConfException.class, () -> ClusterConfParser.parse(latin1));

        assertThat(e.problems()).extracting(ConfProblem::message).containsExactly("the file is not UTF-8 text");
    }

    @Test
    void ipv6Endpoints_areAcceptedAndPrintedInBrackets() throws Exception {
        ClusterConf conf = parse("""
                <cluster name="c" config_version="1">
                  <filesystem name="gfs0" device="disk.img"/>
                  <clusternodes>
                    <clusternode name="n1" nodeid="1" roles="mds,ds" address="2001:db8::1"/>
                  </clusternodes>
                </cluster>
                """);

        assertThat(conf.nodes().get(0).nfsMds().toString()).isEqualTo("[2001:db8::1]:2049");
        assertThat(List.of("2001:db8::1", "::1", "10.0.0.1", "node-1.example.com")).allMatch(Values::isHost);
        assertThat(List.of("zz::1", "10.0.0", "256.1.1.1", "-bad.example.com", "a b")).noneMatch(Values::isHost);
    }

    static String twoNodes(String quorumElements) {
        return """
                <cluster name="c" config_version="1">
                  %s
                  <filesystem name="gfs0" device="disk.img"/>
                  <clusternodes>
                    <clusternode name="n1" nodeid="1" roles="mds,ds" address="10.0.0.1"/>
                    <clusternode name="n2" nodeid="2" roles="mds,ds" address="10.0.0.2"/>
                  </clusternodes>
                </cluster>
                """.formatted(quorumElements);
    }

    private static ClusterConf parse(String xml) throws ConfException {
        return ClusterConfParser.parse(xml, FILE);
    }
}
