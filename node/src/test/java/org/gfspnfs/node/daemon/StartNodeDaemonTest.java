package org.gfspnfs.node.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;

import org.gfspnfs.conf.ClusterConf;
import org.gfspnfs.conf.HostPort;
import org.gfspnfs.conf.Role;
import org.gfspnfs.node.testing.FreePorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartNodeDaemonTest {
    @TempDir
    Path dir;

    private static int freePort() throws IOException {
        return FreePorts.one();
    }

    private DaemonOptions options(ClusterConf conf, String node) {
        return DaemonOptions.of(conf, node, dir.resolve("exports"), dir.resolve("state"));
    }

    @Test
    void journalSlot_isTheNodesPositionInNodeidOrder_evenWithGaps() throws Exception {
        Path img = OneNodeCluster.image(dir);
        ClusterConf conf = OneNodeCluster.conf(img, OneNodeCluster.node("c", 9, 2049, Role.DS),
                OneNodeCluster.node("a", 2, 2049, Role.MDS), OneNodeCluster.node("b", 5, 2049, Role.DS));

        assertThat(NodeDaemon.journalSlot(conf, conf.node("a").orElseThrow())).isZero();
        assertThat(NodeDaemon.journalSlot(conf, conf.node("b").orElseThrow())).isEqualTo(1);
        assertThat(NodeDaemon.journalSlot(conf, conf.node("c").orElseThrow())).isEqualTo(2);
    }

    @Test
    void mdsNode_servesNfsOnItsEndpoint_andStopsToStopped() throws Exception {
        Path img = OneNodeCluster.image(dir);
        int port = freePort();
        ClusterConf conf = OneNodeCluster.conf(img, OneNodeCluster.node("n1", 1, port, Role.MDS, Role.DS));

        NodeDaemon d = NodeDaemon.start(options(conf, "n1"));
        try (Socket s = new Socket("127.0.0.1", port)) {
            assertThat(d.state()).isEqualTo(DaemonState.RUNNING);
            assertThat(d.nfsAddress().getPort()).isEqualTo(port);
            assertThat(s.isConnected()).isTrue();
        } finally {
            d.close();
        }

        assertThat(d.state()).isEqualTo(DaemonState.STOPPED);
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(IOException.class);
    }

    @Test
    void secondDaemonOnTheSameDevice_isRefused_whileTheFirstRuns() throws Exception {
        Path img = OneNodeCluster.image(dir);
        ClusterConf conf = OneNodeCluster.conf(img, OneNodeCluster.node("n1", 1, freePort(), Role.MDS));
        ClusterConf other = OneNodeCluster.conf(img, OneNodeCluster.node("n1", 1, freePort(), Role.MDS));

        try (NodeDaemon first = NodeDaemon.start(options(conf, "n1"))) {
            assertThatThrownBy(() -> NodeDaemon.start(options(other, "n1")))
                    .isInstanceOf(DaemonException.class).hasMessageContaining("in use");
            assertThat(first.state()).isEqualTo(DaemonState.RUNNING);
        }
    }

    @Test
    void busyNfsPort_failsClearly_andReleasesTheDeviceForTheNextStart() throws Exception {
        Path img = OneNodeCluster.image(dir);
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            ClusterConf conf = OneNodeCluster.conf(img,
                    OneNodeCluster.node("n1", 1, busy.getLocalPort(), Role.MDS));
            assertThatThrownBy(() -> NodeDaemon.start(options(conf, "n1")))
                    .isInstanceOf(DaemonException.class).hasMessageContaining("busy");
        }
        ClusterConf free = OneNodeCluster.conf(img, OneNodeCluster.node("n1", 1, freePort(), Role.MDS));
        try (NodeDaemon d = NodeDaemon.start(options(free, "n1"))) {
            assertThat(d.state()).isEqualTo(DaemonState.RUNNING);
        }
    }

    @Test
    void missingExportsFile_failsNamingIt() throws Exception {
        Path img = OneNodeCluster.image(dir);
        ClusterConf conf = OneNodeCluster.conf(img, OneNodeCluster.node("n1", 1, freePort(), Role.MDS));

        DaemonOptions noExports = DaemonOptions.of(conf, "n1", dir.resolve("nope"), dir.resolve("state"));

        assertThatThrownBy(() -> NodeDaemon.start(noExports))
                .isInstanceOf(DaemonException.class).hasMessageContaining("nope").hasMessageContaining("exports");
    }

    @Test
    void dsOnlyNode_mountsWithoutServingNfs() throws Exception {
        Path img = OneNodeCluster.image(dir);
        ClusterConf conf = OneNodeCluster.conf(img, OneNodeCluster.node("m", 1, freePort(), Role.MDS),
                OneNodeCluster.node("d", 2, freePort(), Role.DS));

        try (NodeDaemon d = NodeDaemon.start(options(conf, "d"))) {
            assertThat(d.journalId()).isEqualTo(1);
            assertThat(d.nfsAddress()).isNull();
            assertThat(d.fileSystem().info().journalId()).isEqualTo(1);
        }
    }

    @Test
    void missingControlKey_failsNamingTheFileAndHowToMakeIt_andReleasesTheDevice() throws Exception {
        Path img = OneNodeCluster.image(dir);
        java.nio.file.Files.delete(dir.resolve("cluster.key"));
        ClusterConf conf = OneNodeCluster.conf(img, OneNodeCluster.node("n1", 1, freePort(), Role.MDS, Role.DS));

        assertThatThrownBy(() -> NodeDaemon.start(options(conf, "n1")))
                .isInstanceOf(DaemonException.class).hasMessageContaining("cluster.key")
                .hasMessageContaining("/dev/urandom");
        OneNodeCluster.writeKey(dir);
        try (NodeDaemon d = NodeDaemon.start(options(conf, "n1"))) {
            assertThat(d.state()).isEqualTo(DaemonState.RUNNING);
            assertThat(d.controlAddress()).isNotNull();
            assertThat(d.dataServerAddresses()).hasSize(1);
        }
    }

    @Test
    void busyExtraDataServerPort_failsNamingThatEndpoint_andStopsTheMdsAgain() throws Exception {
        Path img = OneNodeCluster.image(dir);
        int mdsPort = freePort();
        ClusterConf conf = OneNodeCluster.conf(img, OneNodeCluster.node("n1", 1, mdsPort, Role.MDS, Role.DS));
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            HostPort taken = new HostPort("127.0.0.1", busy.getLocalPort());
            assertThatThrownBy(() -> NodeDaemon.start(options(conf, "n1").withExtraDataServers(List.of(taken))))
                    .isInstanceOf(DaemonException.class).hasMessageContaining("n1-ds2")
                    .hasMessageContaining(String.valueOf(taken.port())).hasMessageContaining("busy");
        }
        assertThatThrownBy(() -> new Socket("127.0.0.1", mdsPort).close()).as("MDS closed again")
                .isInstanceOf(IOException.class);
        try (NodeDaemon d = NodeDaemon.start(options(conf, "n1"))) {
            assertThat(d.state()).isEqualTo(DaemonState.RUNNING);
        }
    }
}
