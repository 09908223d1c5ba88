package org.gfspnfs.node.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.gfspnfs.conf.ClusterConf;
import org.gfspnfs.conf.Role;
import org.gfspnfs.control.api.FilesystemState;
import org.gfspnfs.control.api.JournalState;
import org.gfspnfs.control.api.NodeStatus;
import org.gfspnfs.control.api.NotServedException;
import org.gfspnfs.control.api.StateAccess;
import org.gfspnfs.control.api.StateidQuery;
import org.gfspnfs.control.api.StateidVerdict;
import org.gfspnfs.control.auth.ClusterKey;
import org.gfspnfs.control.client.ControlClient;
import org.gfspnfs.control.client.NodeEndpoint;
import org.gfspnfs.node.testing.FreePorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The control channel every daemon serves, asked the way gfsctl and remote data servers ask it. */
class NodeControlChannelTest {
    @TempDir
    Path dir;

    private static int freePort() throws IOException {
        return FreePorts.one();
    }

    private ControlClient client(ClusterConf conf, NodeDaemon d) throws IOException {
        return new ControlClient(new NodeEndpoint(d.node().name(), d.controlAddress()),
                ClusterKey.read(conf.keyFile()), ControlClient.localCaller("node-test"), Duration.ofSeconds(5),
                Clock.systemUTC());
    }

    @Test
    void mdsNode_refusesAStateidItNeverIssued_toARemoteDataServer_andReportsItsJournalInUse() throws Exception {
        Path img = OneNodeCluster.image(dir);
        ClusterConf conf = OneNodeCluster.conf(img, OneNodeCluster.node("n1", 1, freePort(), Role.MDS, Role.DS));

        try (NodeDaemon d = NodeDaemon.start(DaemonOptions.of(conf, "n1", dir.resolve("exports"),
                dir.resolve("state"))); ControlClient c = client(conf, d)) {
            byte[] stateid = new byte[16];
            stateid[4] = 0x40;
            StateidVerdict v = c.validateStateid(new StateidQuery(stateid, new byte[32], StateAccess.WRITE));
            assertThat(v.verdict()).isEqualTo(StateidVerdict.Verdict.BAD_STATEID);
            assertThat(v.cacheFor()).as("never cached: the layout table decides every time").isZero();

            NodeStatus status = c.status();
            assertThat(status.quorum().quorate()).isTrue();
            assertThat(status.members()).singleElement().satisfies(m -> assertThat(m.name()).isEqualTo("n1"));
            FilesystemState fs = c.filesystems().get(0);
            assertThat(fs.journals()).hasSize(3);
            assertThat(fs.journals().get(0).state()).isEqualTo(JournalState.IN_USE);
            assertThat(fs.journals().get(1).state()).isEqualTo(JournalState.CLEAN);
            assertThat(fs.rgrps()).allSatisfy(r -> assertThat(r.freeBlocks()).isBetween(0L, r.blocks()));
            assertThatThrownBy(c::lockspaces).as("no DLM in this process").isInstanceOf(NotServedException.class);
        }
    }

    @Test
    void dsOnlyNode_servesItsFilesystemView_notNfsState_andIsInquorateAlone() throws Exception {
        Path img = OneNodeCluster.image(dir);
        ClusterConf conf = OneNodeCluster.conf(img, OneNodeCluster.node("m", 1, freePort(), Role.MDS),
                OneNodeCluster.node("d", 2, freePort(), Role.DS));

        try (NodeDaemon d = NodeDaemon.start(DaemonOptions.of(conf, "d", dir.resolve("exports"),
                dir.resolve("state"))); ControlClient c = client(conf, d)) {
            assertThat(c.filesystems().get(0).journals().get(1).state()).isEqualTo(JournalState.IN_USE);
            assertThat(c.filesystems().get(0).journals().get(1).owner()).isEqualTo("d");
            assertThatThrownBy(c::clients).isInstanceOf(NotServedException.class);
            assertThatThrownBy(() -> c.validateStateid(new StateidQuery(new byte[16], new byte[8],
                    StateAccess.READ))).isInstanceOf(NotServedException.class);
            NodeStatus status = c.status();
            assertThat(status.quorum().quorate()).as("1 of 2 expected votes").isFalse();
            assertThat(status.roles()).containsExactly("ds");
        }
    }
}
