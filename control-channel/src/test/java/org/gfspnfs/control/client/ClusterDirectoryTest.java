package org.gfspnfs.control.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.gfspnfs.conf.ClusterConfParser;
import org.junit.jupiter.api.Test;

/** gfsctl finds every node's control channel and the key file from cluster.conf. */
class ClusterDirectoryTest {
    private static final String CONF = """
            <cluster name="lab" config_version="3">
              <control_channel key_file="keys/ctl.key"/>
              <filesystem name="gfs0" device="disk.img"/>
              <clusternodes>
                <clusternode name="a" nodeid="1" roles="mds,ds" address="10.0.0.1">
                  <control port="7001"/>
                </clusternode>
                <clusternode name="b" nodeid="2" roles="ds" address="10.0.0.2" advertise="b.lab">
                  <control address="0.0.0.0" port="7002"/>
                </clusternode>
              </clusternodes>
            </cluster>
            """;

    @Test
    void nodesAndKeyFile_comeFromClusterConf_wildcardControlReachedViaAdvertisedHost() throws Exception {
        ClusterDirectory dir =
                ClusterDirectory.fromConf(ClusterConfParser.parse(CONF, Path.of("/etc/gfs/cluster.conf")));

        assertThat(dir.clusterName()).isEqualTo("lab");
        assertThat(dir.keyFile()).isEqualTo(Path.of("/etc/gfs/keys/ctl.key"));
        assertThat(dir.nodes()).extracting(NodeEndpoint::toString).containsExactly("a@10.0.0.1:7001", "b@b.lab:7002");
    }
}
