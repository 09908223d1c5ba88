package org.gfspnfs.conf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The table of mistakes admins make in cluster.conf. Each row is a whole file and the exact problems (line and
 * message) the parser must report for it: no more, no fewer.
 */
class MalformedConfTest {

    private static final Path FILE = Path.of("/etc/gfs-pnfs/cluster.conf");

    static Stream<Arguments> malformed() {
        return Stream.of(
                row("xml_unclosedElement", """
                        <cluster name="c" config_version="1">
                          <filesystem name="gfs0" device="disk.img">
                          <clusternodes>
                            <clusternode name="n1" nodeid="1" roles="mds,ds"/>
                          </clusternodes>
                        </cluster>
                        """, "6: not well-formed XML: The element type \"filesystem\" must be terminated by the"
                        + " matching end-tag \"</filesystem>\"."),
                row("root_notCluster", """
                        <clusters name="c" config_version="1">
                        </clusters>
                        """, "1: the top element is <clusters>, expected <cluster>"),
                row("element_misspelt", """
                        <cluster name="c" config_version="1">
                          <filesystem name="gfs0" device="disk.img"/>
                          <clusternodes>
                            <clusternode name="n1" nodeid="1" roles="mds,ds"/>
                            <clusternod name="n2" nodeid="2"/>
                          </clusternodes>
                        </cluster>
                        """, "5: unknown element <clusternod> inside <clusternodes>"),
                row("attribute_misspelt_alsoMissesRequired", """
                        <cluster name="c" config_version="1">
                          <filesystem name="gfs0" device="disk.img"/>
                          <clusternodes>
                            <clusternode name="n1" nodeId="1" roles="mds,ds"/>
                          </clusternodes>
                        </cluster>
                        """, "4: <clusternode> is missing required attribute 'nodeid'",
                        "4: unknown attribute 'nodeId' on <clusternode>"),
                row("element_misplaced", """
                        <cluster name="c" config_version="1">
                          <filesystem name="gfs0" device="disk.img"/>
                          <fence/>
                          <clusternodes>
                            <clusternode name="n1" nodeid="1" roles="mds,ds"/>
                          </clusternodes>
                        </cluster>
                        """, "3: unknown element <fence> inside <cluster>"),
                row("singleElement_repeated", """
                        <cluster name="c" config_version="1">
                          <quorum expected_votes="1"/>
                          <filesystem name="gfs0" device="disk.img"/>
                          <quorum two_node="0"/>
                          <clusternodes>
                            <clusternode name="n1" nodeid="1" roles="mds,ds"/>
                          </clusternodes>
                        </cluster>
                        """, "4: <quorum> appears more than once in <cluster>"),
                row("text_insideElement", """
                        <cluster name="c" config_version="1">
                          <filesystem name="gfs0" device="disk.img"/>
                          <clusternodes>
                            <clusternode name="n1" nodeid="1" roles="mds,ds">votes=2</clusternode>
                          </clusternodes>
                        </cluster>
                        """, "4: unexpected text \"votes=2\" inside <clusternode>"),
                row("cluster_nameMissing", """
                        <cluster config_version="1">
                          <filesystem name="gfs0" device="disk.img" lock_table="c:gfs0"/>
                          <clusternodes>
                            <clusternode name="n1" nodeid="1" roles="mds,ds"/>
                          </clusternodes>
                        </cluster>
                        """, "1: <cluster> is missing required attribute 'name'"),
                row("cluster_nameWithSpace", """
                        <cluster name="my cluster" config_version="1">
                          <filesystem name="gfs0" device="disk.img"/>
                          <clusternodes>
                            <clusternode name="n1" nodeid="1" roles="mds,ds"/>
                          </clusternodes>
                        </cluster>
                        """, "1: cluster name \"my cluster\" is not valid"),
                row("configVersion_missing", """
                        <cluster name="c">
                          <filesystem name="gfs0" device="disk.img"/>
                          <clusternodes>
                            <clusternode name="n1" nodeid="1" roles="mds,ds"/>
                          </clusternodes>
                        </cluster>
                        """, "1: <cluster> is missing required attribute 'config_version'"),
                row("configVersion_notANumber", """
                        <cluster name="c" config_version="one">
                          <filesystem name="gfs0" device="disk.img"/>
                          <clusternodes>
                            <clusternode name="n1" nodeid="1" roles="mds,ds"/>
                          </clusternodes>
                        </cluster>
                        """, "1: config_version=\"one\" is not a whole number"),
                row("clusternodes_missing", """
                        <cluster name="c" config_version="1">
                          <filesystem name="gfs0" device="disk.img" journals="1"/>
                        </cluster>
                        """, "1: <cluster> has no <clusternodes>"),
                row("clusternodes_empty", """
                        <cluster name="c" config_version="1">
                          <filesystem name="gfs0" device="disk.img"/>
                          <clusternodes>
                          </clusternodes>
                        </cluster>
                        """, "3: <clusternodes> lists no <clusternode>"),
                row("nodeName_duplicate", """
                        <cluster name="c" config_version="1">
                          <filesystem name="gfs0" device="disk.img"/>
                          <clusternodes>
                            <clusternode name="n1" nodeid="1" roles="mds,ds" address="10.0.0.1"/>
                            <clusternode name="n1" nodeid="2" address="10.0.0.2"/>
                          </clusternodes>
                        </cluster>
                        """, "5: duplicate node name \"n1\""),
                row("nodeId_duplicate", """
                        <cluster name="c" config_version="1">
                          <filesystem name="gfs0" device="disk.img"/>
                          <clusternodes>
                            <clusternode name="n1" nodeid="1" roles="mds,ds"/>
                            <clusternode name="n2" nodeid="1"/>
                          </clusternodes>
                        </cluster>
                        """, "5: nodeid=\"1\" is already used by node \"n1\" at line 4"),
                row("nodeId_zero", """
                        <cluster name="c" config_version="1">
                          <filesystem name="gfs0" device="disk.img"/>
                          <clusternodes>
                            <clusternode name="n1" nodeid="0" roles="mds,ds"/>
                          </clusternodes>
                        </cluster>
                        """, "4: nodeid=\"0\" is out of range"),
                row("nodeId_aboveMax", """
                        <cluster name="c" config_version="1">
                          <filesystem name="gfs0" device="disk.img"/>
                          <clusternodes>
                            <clusternode name="n1" nodeid="256" roles="mds,ds"/>
                          </clusternodes>
                        </cluster>
                        """, "4: nodeid=\"256\" is out of range"),
                row("votes_negative", """
                        <cluster name="c" config_version="1">
                          <filesystem name="gfs0" device="disk.img"/>
                          <clusternodes>
                            <clusternode name="n1" nodeid="1" votes="-1" roles="mds,ds"/>
                          </clusternodes>
                        </cluster>
                        """, "4: votes=\"-1\" is out of range"),
                row("votes_allZero", """
                        <cluster name="c" config_version="1">
                          <filesystem name="gfs0" device="disk.img"/>
                          <clusternodes>
                            <clusternode name="n1" nodeid="1" votes="0" roles="mds,ds"/>
                          </clusternodes>
                        </cluster>
                        """, "3: no node has any votes: the cluster could never be quorate"),
                row("role_unknown", """
                        <cluster name="c" config_version="1">
                          <filesystem name="gfs0" device="disk.img"/>
                          <clusternodes>
                            <clusternode name="n1" nodeid="1" roles="mdss,ds"/>
                          </clusternodes>
                        </cluster>
                        """, "4: unknown role \"mdss\" in roles=\"mdss,ds\""),
                row("role_noMds", """
                        <cluster name="c" config_version="1">
                          <filesystem name="gfs0" device="disk.img"/>
                          <clusternodes>
                            <clusternode name="n1" nodeid="1"/>
                          </clusternodes>
                        </cluster>
                        """, "3: no node has the mds role"),
                row("address_invalid", """
                        <cluster name="c" config_version="1">
                          <filesystem name="gfs0" device="disk.img"/>
                          <clusternodes>
                            <clusternode name="n1" nodeid="1" roles="mds,ds" address="10.0.0.300"/>
                          </clusternodes>
                        </cluster>
                        """, "4: address=\"10.0.0.300\" is not an IP address or host name"),
                row("nodeName_notAHostAndNoAddress", """
                        <cluster name="c" config_version="1">
                          <filesystem name="gfs0" device="disk.img"/>
                          <clusternodes>
                            <clusternode name="node_1" nodeid="1" roles="mds,ds"/>
                          </clusternodes>
                        </cluster>
                        """, "4: node name \"node_1\" is not a host name, and no address is given"),
                row("port_outOfRange", """
                        <cluster name="c" config_version="1">
                          <filesystem name="gfs0" device="disk.img"/>
                          <clusternodes>
                            <clusternode name="n1" nodeid="1" roles="mds,ds">
                              <dlm port="70000"/>
                            </clusternode>
                          </clusternodes>
                        </cluster>
                        """, "5: port=\"70000\" is out of range"),
                row("ports_clashAcrossNodesOnOneHost", """
                        <cluster name="c" config_version="1">
                          <filesystem name="gfs0" device="disk.img"/>
                          <clusternodes>
                            <clusternode name="n1" nodeid="1" roles="mds,ds" address="127.0.0.1"/>
                            <clusternode name="n2" nodeid="2" address="127.0.0.1">
                              <membership port="5702"/>
                              <dlm port="21064"/>
                              <control port="21165"/>
                              <nfs_ds port="20149"/>
                            </clusternode>
                          </clusternodes>
                        </cluster>
                        """, "7: 127.0.0.1:21064 (dlm of node \"n2\") clashes with 127.0.0.1:21064 (dlm of node"
                        + " \"n1\") at line 4"),
                row("ports_clashWithinNode", """
                        <cluster name="c" config_version="1">
                          <filesystem name="gfs0" device="disk.img"/>
                          <clusternodes>
                            <clusternode name="n1" nodeid="1" roles="mds,ds">
                              <nfs_mds port="2049"/>
                              <nfs_ds port="2049"/>
                            </clusternode>
                          </clusternodes>
                        </cluster>
                        """, "6: n1:2049 (nfs_ds of node \"n1\") clashes with n1:2049 (nfs_mds of node \"n1\")"
                        + " at line 5"),
                row("ports_wildcardTakesPortOnEveryAddress", """
                        <cluster name="c" config_version="1">
                          <filesystem name="gfs0" device="disk.img"/>
                          <clusternodes>
                            <clusternode name="n1" nodeid="1" roles="mds,ds" address="10.0.0.1">
                              <nfs_mds address="0.0.0.0" port="2049"/>
                              <nfs_ds port="2049"/>
                            </clusternode>
                          </clusternodes>
                        </cluster>
                        """, "6: 10.0.0.1:2049 (nfs_ds of node \"n1\") clashes with 0.0.0.0:2049 (nfs_mds of node"
                        + " \"n1\") at line 5"),
                row("advertise_wildcard", """
                        <cluster name="c" config_version="1">
                          <filesystem name="gfs0" device="disk.img"/>
                          <clusternodes>
                            <clusternode name="n1" nodeid="1" roles="mds,ds" address="0.0.0.0"/>
                          </clusternodes>
                        </cluster>
                        """, "4: node \"n1\" would advertise 0.0.0.0 to NFS clients"),
                row("fenceDevice_undefined", """
                        <cluster name="c" config_version="1">
                          <filesystem name="gfs0" device="disk.img"/>
                          <fencedevices>
                            <fencedevice name="ipmi-n1" agent="fence_ipmilan" ipaddr="10.1.0.1"/>
                          </fencedevices>
                          <clusternodes>
                            <clusternode name="n1" nodeid="1" roles="mds,ds">
                              <fence>
                                <method name="1">
                                  <device name="ipmi-nl"/>
                                </method>
                              </fence>
                            </clusternode>
                          </clusternodes>
                        </cluster>
                        """, "10: fence device \"ipmi-nl\" used by node \"n1\" is not defined in <fencedevices>"),
                row("fenceDevice_duplicate", """
                        <cluster name="c" config_version="1">
                          <filesystem name="gfs0" device="disk.img"/>
                          <fencedevices>
                            <fencedevice name="pill" agent="disk"/>
                            <fencedevice name="pill" agent="manual"/>
                          </fencedevices>
                          <clusternodes>
                            <clusternode name="n1" nodeid="1" roles="mds,ds"/>
                          </clusternodes>
                        </cluster>
                        """, "5: fence device \"pill\" is defined twice"),
                row("fenceDevice_agentMissing", """
                        <cluster name="c" config_version="1">
                          <filesystem name="gfs0" device="disk.img"/>
                          <fencedevices>
                            <fencedevice name="ipmi" ipaddr="10.1.0.1"/>
                          </fencedevices>
                          <clusternodes>
                            <clusternode name="n1" nodeid="1" roles="mds,ds"/>
                          </clusternodes>
                        </cluster>
                        """, "4: <fencedevice> is missing required attribute 'agent'"),
                row("fenceMethod_empty", """
                        <cluster name="c" config_version="1">
                          <filesystem name="gfs0" device="disk.img"/>
                          <clusternodes>
                            <clusternode name="n1" nodeid="1" roles="mds,ds">
                              <fence>
                                <method name="1"/>
                              </fence>
                            </clusternode>
                          </clusternodes>
                        </cluster>
                        """, "6: fence method \"1\" of node \"n1\" has no <device>"),
                row("expectedVotes_belowMajority", """
                        <cluster name="c" config_version="1">
                          <quorum expected_votes="2"/>
                          <filesystem name="gfs0" device="disk.img"/>
                          <clusternodes>
                            <clusternode name="n1" nodeid="1" roles="mds,ds" address="10.0.0.1"/>
                            <clusternode name="n2" nodeid="2" address="10.0.0.2"/>
                            <clusternode name="n3" nodeid="3" address="10.0.0.3"/>
                            <clusternode name="n4" nodeid="4" address="10.0.0.4"/>
                          </clusternodes>
                        </cluster>
                        """, "2: expected_votes=\"2\" on <quorum> is below a majority of the 4 configured votes:"
                        + " two halves of the cluster could both be quorate"),
                row("expectedVotes_unreachable", """
                        <cluster name="c" config_version="1">
                          <quorum expected_votes="5"/>
                          <filesystem name="gfs0" device="disk.img"/>
                          <clusternodes>
                            <clusternode name="n1" nodeid="1" roles="mds,ds" address="10.0.0.1"/>
                            <clusternode name="n2" nodeid="2" address="10.0.0.2"/>
                          </clusternodes>
                        </cluster>
                        """, "2: expected_votes=\"5\" on <quorum> can never be reached: quorum needs 3 votes but"
                        + " the nodes have 2 in all"),
                row("twoNode_withThreeNodes", """
                        <cluster name="c" config_version="1">
                          <quorum two_node="1"/>
                          <filesystem name="gfs0" device="disk.img"/>
                          <clusternodes>
                            <clusternode name="n1" nodeid="1" roles="mds,ds" address="10.0.0.1"/>
                            <clusternode name="n2" nodeid="2" address="10.0.0.2"/>
                            <clusternode name="n3" nodeid="3" address="10.0.0.3"/>
                          </clusternodes>
                        </cluster>
                        """, "2: two_node=\"1\" on <quorum> needs exactly 2 nodes, the cluster has 3"),
                row("twoNode_cmanStyleExpectedVotesOnQuorum", """
                        <cluster name="c" config_version="1">
                          <quorum two_node="1" expected_votes="1"/>
                          <filesystem name="gfs0" device="disk.img"/>
                          <clusternodes>
                            <clusternode name="n1" nodeid="1" roles="mds,ds" address="10.0.0.1"/>
                            <clusternode name="n2" nodeid="2" address="10.0.0.2"/>
                          </clusternodes>
                        </cluster>
                        """, "2: two_node needs expected_votes=\"2\", not expected_votes=\"1\" on <quorum>"),
                row("quorum_contradictsLegacyCman", """
                        <cluster name="c" config_version="1">
                          <cman expected_votes="2"/>
                          <quorum expected_votes="3"/>
                          <filesystem name="gfs0" device="disk.img"/>
                          <clusternodes>
                            <clusternode name="n1" nodeid="1" roles="mds,ds" address="10.0.0.1"/>
                            <clusternode name="n2" nodeid="2" address="10.0.0.2"/>
                          </clusternodes>
                        </cluster>
                        """, "3: expected_votes=\"3\" on <quorum> contradicts expected_votes=\"2\" on <cman> at line 2"),
                row("twoNode_notABoolean", """
                        <cluster name="c" config_version="1">
                          <quorum two_node="maybe"/>
                          <filesystem name="gfs0" device="disk.img"/>
                          <clusternodes>
                            <clusternode name="n1" nodeid="1" roles="mds,ds"/>
                          </clusternodes>
                        </cluster>
                        """, "2: two_node=\"maybe\" is not a yes/no value"),
                row("heartbeat_withoutUnit", """
                        <cluster name="c" config_version="1">
                          <timing heartbeat="1"/>
                          <filesystem name="gfs0" device="disk.img"/>
                          <clusternodes>
                            <clusternode name="n1" nodeid="1" roles="mds,ds"/>
                          </clusternodes>
                        </cluster>
                        """, "2: heartbeat=\"1\" has no unit"),
                row("failureTimeout_shorterThanTwoHeartbeats", """
                        <cluster name="c" config_version="1">
                          <timing heartbeat="2s"
                                  failure_timeout="3s"/>
                          <filesystem name="gfs0" device="disk.img"/>
                          <clusternodes>
                            <clusternode name="n1" nodeid="1" roles="mds,ds"/>
                          </clusternodes>
                        </cluster>
                        """, "3: failure_timeout (3s) must be at least twice heartbeat (2s)"),
                row("totemToken_contradictsTiming", """
                        <cluster name="c" config_version="1">
                          <timing failure_timeout="5s"/>
                          <totem token="10000"/>
                          <filesystem name="gfs0" device="disk.img"/>
                          <clusternodes>
                            <clusternode name="n1" nodeid="1" roles="mds,ds"/>
                          </clusternodes>
                        </cluster>
                        """, "3: token=\"10000\" on <totem> contradicts failure_timeout=\"5s\" on <timing> at line 2"),
                row("poisonPillWait_shorterThanTwoWatchdogs", """
                        <cluster name="c" config_version="1">
                          <timing watchdog_timeout="10s"/>
                          <filesystem name="gfs0" device="disk.img"/>
                          <clusternodes>
                            <clusternode name="n1" nodeid="1" roles="mds,ds"/>
                          </clusternodes>
                        </cluster>
                        """, "2: poison_pill_wait (10s) must be at least twice watchdog_timeout (10s)"),
                row("filesystem_missing", """
                        <cluster name="c" config_version="1">
                          <clusternodes>
                            <clusternode name="n1" nodeid="1" roles="mds,ds"/>
                          </clusternodes>
                        </cluster>
                        """, "1: <cluster> has no <filesystem>"),
                row("filesystem_deviceMissing", """
                        <cluster name="c" config_version="1">
                          <filesystem name="gfs0"/>
                          <clusternodes>
                            <clusternode name="n1" nodeid="1" roles="mds,ds"/>
                          </clusternodes>
                        </cluster>
                        """, "2: <filesystem> is missing required attribute 'device'"),
                row("lockTable_otherCluster", """
                        <cluster name="c" config_version="1">
                          <filesystem name="gfs0" device="disk.img" lock_table="other:gfs0"/>
                          <clusternodes>
                            <clusternode name="n1" nodeid="1" roles="mds,ds"/>
                          </clusternodes>
                        </cluster>
                        """, "2: lock_table=\"other:gfs0\" names cluster \"other\", but this cluster is \"c\""),
                row("lockTable_noColon", """
                        <cluster name="c" config_version="1">
                          <filesystem name="gfs0" device="disk.img" lock_table="gfs0"/>
                          <clusternodes>
                            <clusternode name="n1" nodeid="1" roles="mds,ds"/>
                          </clusternodes>
                        </cluster>
                        """, "2: lock_table=\"gfs0\" is not of the form cluster:fs"),
                row("journals_fewerThanNodes", """
                        <cluster name="c" config_version="1">
                          <filesystem name="gfs0" device="disk.img" journals="1"/>
                          <clusternodes>
                            <clusternode name="n1" nodeid="1" roles="mds,ds" address="10.0.0.1"/>
                            <clusternode name="n2" nodeid="2" address="10.0.0.2"/>
                          </clusternodes>
                        </cluster>
                        """, "2: journals=\"1\" is fewer than the 2 nodes"));
    }

    private static Arguments row(String scenario, String xml, String... expected) {
        return Arguments.of(scenario, xml, List.of(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedConf_reportsExactlyTheseProblems(String scenario, String xml, List<String> expected) {
        ConfException e = catchThrowableOfType(ConfException.class, () -> ClusterConfParser.parse(xml, FILE));

        assertThat(e).as("%s must be rejected", scenario).isNotNull();
        assertThat(e.problems()).extracting(p -> p.line() + ": " + p.message())
                .containsExactlyElementsOf(expected);
        assertThat(e.problems()).allSatisfy(p -> {
            assertThat(p.file()).isEqualTo(FILE.toString());
            assertThat(p.hint()).isNotBlank();
            assertThat(p.column()).isPositive();
        });
    }

    @org.junit.jupiter.api.Test
    void table_hasAtLeastTwentyFiveCases() {
        assertThat(malformed().count()).isGreaterThanOrEqualTo(25);
        assertThatThrownBy(() -> ClusterConfParser.parse("", FILE)).isInstanceOf(ConfException.class);
    }
}
