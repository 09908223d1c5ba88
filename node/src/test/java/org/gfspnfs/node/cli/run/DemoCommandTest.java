package org.gfspnfs.node.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.gfspnfs.conf.ClusterConf;
import org.gfspnfs.conf.ClusterConfParser;
import org.gfspnfs.conf.Role;
import org.gfspnfs.gfs.device.FileBlockDevice;
import org.gfspnfs.gfs.format.Superblock;
import org.gfspnfs.gfs.journal.JournalArea;
import org.gfspnfs.gfs.journal.JournalReplayer;
import org.gfspnfs.nfs41.status.NfsStat;
import org.gfspnfs.nfs41.xdr.FileType4;
import org.gfspnfs.node.cli.ExitCodes;
import org.gfspnfs.node.daemon.MiniNfsClient;
import org.gfspnfs.node.testing.FreePorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
    @TempDir
    Path dir;

    /** The demo binds its MDS port and the next four (three data servers, the control channel). */
    private static int freePort() throws IOException {
        return FreePorts.range(5);
    }

    static boolean journalClean(Path image, int journal) throws IOException {
        try (FileBlockDevice d = FileBlockDevice.openReadOnly(image)) {
            ByteBuffer first = ByteBuffer.allocate(512);
            d.read(0, first);
            ByteBuffer block = ByteBuffer.allocate(Superblock.peekBlockSize(first.array()));
            d.read(0, block);
            Superblock sb = Superblock.decode(block.array());
            JournalArea area = new JournalArea(d, sb.blockSize(), sb.journalBlock(journal), sb.journalBlocks());
            return new JournalReplayer(area).scan().wasClean();
        }
    }

    @Test
    void demo_servesNfs41_stopsWithCleanJournal_andStartServesTheSameDataAgain() throws Exception {
        int port = freePort();
        Path demo = dir.resolve("demo");
        byte[] handle;
        try (RunningCommand run = RunningCommand.start("demo", "--nodes", "1", "--dir", demo.toString(), "--port",
                String.valueOf(port), "--image-size", "64M").awaitReady()) {
            assertThat(run.out()).contains("mount -t nfs4 -o vers=4.1,port=" + port + " 127.0.0.1:/ /mnt")
                    .contains(demo.resolve("disk.img").toString());
            try (MiniNfsClient c = MiniNfsClient.connect(new InetSocketAddress("127.0.0.1", port))) {
                c.ping();
                c.mount("demo-test");
                assertThat(c.rootAttrs().type()).isEqualTo(FileType4.NF4DIR);
                handle = c.mkdirInRoot("kept");
            }
            assertThat(run.stop()).isEqualTo(ExitCodes.OK);
            assertThat(run.out()).contains("stopped cleanly");
        }
        assertThat(journalClean(demo.resolve("disk.img"), 0)).isTrue();

        try (RunningCommand run = RunningCommand.start("start", "--conf", demo.resolve("cluster.conf").toString(),
                "--node", "node1").awaitReady();
             MiniNfsClient c = MiniNfsClient.connect(new InetSocketAddress("127.0.0.1", port))) {
            c.mount("demo-test-2");
            assertThat(c.lookupInRoot("kept")).isEqualTo(NfsStat.NFS4_OK);
            assertThat(c.lookupInRoot("never-made")).isEqualTo(NfsStat.NFS4ERR_NOENT);
            assertThat(c.attrsOf(handle).type()).isEqualTo(FileType4.NF4DIR);
        }
        assertThat(journalClean(demo.resolve("disk.img"), 0)).isTrue();
    }

    @Test
    void demo_writesAOneNodeClusterConf_aPrivateKey_andExportsForLoopbackAndTheVmNetworks() throws Exception {
        int port = freePort();
        Path demo = dir.resolve("d");
        try (RunningCommand run = RunningCommand.start("demo", "--nodes", "1", "--dir", demo.toString(), "--port",
                String.valueOf(port), "--image-size", "64M").awaitReady()) {
            ClusterConf conf = ClusterConfParser.parse(demo.resolve("cluster.conf"));
            assertThat(conf.nodes()).singleElement().satisfies(n -> {
                assertThat(n.name()).isEqualTo("node1");
                assertThat(n.roles()).containsExactlyInAnyOrder(Role.MDS, Role.DS);
                assertThat(n.nfsMds().port()).isEqualTo(port);
            });
            assertThat(conf.filesystem().journals()).isEqualTo(3);
            assertThat(Files.readAllBytes(demo.resolve("cluster.key"))).hasSize(32);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(demo.resolve("cluster.key"))))
                    .isEqualTo("rw-------");
            assertThat(Files.readString(demo.resolve("exports")))
                    .contains("127.0.0.0/8(rw,no_root_squash", "10.0.2.0/24(rw,no_root_squash",
                            "10.77.0.0/16(rw,no_root_squash");
            assertThat(Files.size(demo.resolve("disk.img"))).isEqualTo(64L << 20);
        }
    }

    @Test
    void demo_onABusyPort_refusesClearly_andLeavesNoServer() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            RunningCommand run = RunningCommand.start("demo", "--dir", dir.resolve("busy").toString(), "--port",
                    String.valueOf(busy.getLocalPort()), "--image-size", "64M");

            assertThat(run.awaitExit()).isEqualTo(ExitCodes.FAILURE);
            assertThat(run.err()).contains("port " + busy.getLocalPort()).contains("busy");
            assertThat(run.out()).doesNotContain("ready");
        }
    }

    @Test
    void start_withANodeNotInTheConf_failsNamingTheKnownNodes() throws Exception {
        int port = freePort();
        Path demo = dir.resolve("conf-only");
        new DemoSetup(demo).writeConf(port);

        RunningCommand run = RunningCommand.start("start", "--conf", demo.resolve("cluster.conf").toString(),
                "--node", "node9");

        assertThat(run.awaitExit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.err()).contains("node9").contains("node1");
    }
}
