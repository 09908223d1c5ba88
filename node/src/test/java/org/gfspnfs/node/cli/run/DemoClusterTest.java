package org.gfspnfs.node.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gfspnfs.conf.ClusterConfParser;
import org.gfspnfs.gfs.Mkfs;
import org.gfspnfs.gfs.MkfsOptions;
import org.gfspnfs.gfs.device.FileBlockDevice;
import org.gfspnfs.gfs.fsck.Fsck;
import org.gfspnfs.gfs.fsck.FsckMode;
import org.gfspnfs.gfs.fsck.FsckProgress;
import org.gfspnfs.gfs.fsck.FsckReport;
import org.gfspnfs.nfs41.fixture.Nfs41TestClient;
import org.gfspnfs.nfs41.fixture.Ops;
import org.gfspnfs.nfs41.status.NfsStat;
import org.gfspnfs.nfs41.xdr.LayoutCommit4Res;
import org.gfspnfs.nfs41.xdr.Op;
import org.gfspnfs.node.cli.ExitCodes;
import org.gfspnfs.node.daemon.MiniNfsClient;
import org.gfspnfs.node.testing.FreePorts;
import org.gfspnfs.node.testing.InProcessGfsctl;
import org.gfspnfs.node.testing.PnfsSteps;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gfspnfs demo} as a three-node cluster: node processes started and supervised by the demo, quorate, a
 * client's layout striped over the three nodes' data servers, clean stops, and an older demo folder upgraded
 * without losing its data (or refused when its image cannot hold the nodes).
 */
@Timeout(240)
class DemoClusterTest {
    private static final int MIB = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration START = Duration.ofSeconds(150);

    @TempDir
    Path dir;
    private final List<Nfs41TestClient> clients = new ArrayList<>();

    @AfterEach
    void disconnect() throws IOException {
        for (Nfs41TestClient c : clients) {
            c.close();
        }
    }

    @Test
    void olderSingleNodeFolder_growsIntoThreeQuorateNodes_layoutStripesOverEach_andEveryNodeStopsCleanly()
            throws Exception {
        int port = FreePorts.range(13);
        Path demo = dir.resolve("demo");
        try (RunningCommand single = RunningCommand.start("demo", "--nodes", "1", "--dir", demo.toString(),
                "--port", String.valueOf(port), "--image-size", "64M").awaitReady()) {
            try (MiniNfsClient c = MiniNfsClient.connect(new InetSocketAddress("127.0.0.1", port))) {
                c.mount("before-the-cluster");
                c.mkdirInRoot("kept");
            }
            assertThat(single.stop()).isEqualTo(ExitCodes.OK);
        }

        try (RunningCommand run = RunningCommand.start("demo", "--dir", demo.toString(), "--port",
                String.valueOf(port)).awaitReady(START)) {
            Path conf = demo.resolve("cluster.conf");
            assertThat(run.out()).contains("reusing " + demo.resolve("disk.img"))
                    .contains("for 3 nodes (it had 1)")
                    .contains("mount -t nfs4 -o vers=4.1,port=" + port + " 127.0.0.1:/ /mnt")
                    .contains("./gfsctl locks demo:gfs0 --conf " + conf)
                    .contains("./gfsctl status --conf " + conf, "./gfsctl ls --conf " + conf,
                            "./gfsctl layouts --conf " + conf);
            assertThat(ClusterConfParser.parse(conf).nodes()).hasSize(3);
            for (int i = 1; i <= 3; i++) {
                assertThat(Files.readString(demo.resolve("node" + i + ".log"))).contains("ready");
            }

            JsonNode status = gfsctl("status", "--json", "--conf", conf.toString());
            assertThat(status.get("nodes")).hasSize(3).allSatisfy(n -> {
                assertThat(n.get("outcome").asText()).as(n.toString()).isEqualTo("ok");
                assertThat(n.at("/result/quorum/quorate").asBoolean()).isTrue();
                assertThat(n.at("/result/members")).hasSize(3).allSatisfy(m ->
                        assertThat(m.get("state").asText()).isEqualTo("MEMBER"));
            });

            Nfs41TestClient mds = client(port);
            assertThat(mds.session(Ops.putRootFh(), Ops.lookup("kept")).status).as("the single-node demo's data")
                    .isEqualTo(NfsStat.NFS4_OK);
            PnfsSteps.OpenFile f = PnfsSteps.openCreate(mds, "striped.bin");
            PnfsSteps.Layout layout = PnfsSteps.layoutGetRw(mds, f);
            assertThat(PnfsSteps.dataServerPorts(mds, layout.files().deviceId)).as("one data server per node")
                    .containsExactly(port + 1, port + 2, port + 3);
            byte[] data = new byte[4 * MIB + 12345];
            new Random(5).nextBytes(data);
            List<Nfs41TestClient> ds = List.of(client(port + 1), client(port + 2), client(port + 3));
            PnfsSteps.writeStriped(ds, layout, f, data);
            LayoutCommit4Res committed = Nfs41TestClient.body(Nfs41TestClient.expectOk(mds.session(
                    Ops.putFh(f.fh()), PnfsSteps.layoutCommit(layout.stateid(), data.length))), Op.LAYOUTCOMMIT);
            assertThat(committed.newSize).isEqualTo(data.length);
            assertThat(PnfsSteps.sha256(PnfsSteps.readThroughMds(mds, f))).as("read back through the MDS")
                    .isEqualTo(PnfsSteps.sha256(data));
            JsonNode layouts = gfsctl("layouts", "--json", "--node", "node1", "--conf", conf.toString());
            assertThat(layouts.at("/nodes/0/result/0/dataServers")).extracting(JsonNode::asText)
                    .containsExactly("node1", "node2", "node3");

            assertThat(run.stop()).isEqualTo(ExitCodes.OK);
            assertThat(run.out()).contains("node3 stopped cleanly", "node2 stopped cleanly",
                    "node1 stopped cleanly", "demo stopped: every node left the cluster cleanly");
        }
        try (FileBlockDevice device = FileBlockDevice.open(demo.resolve("disk.img"))) {
            FsckReport report = Fsck.run(device, FsckMode.CHECK, FsckProgress.NONE);
            assertThat(report.clean()).as(report.toString()).isTrue();
        }
        for (int j = 0; j < 3; j++) {
            assertThat(DemoCommandTest.journalClean(demo.resolve("disk.img"), j)).as("journal " + j).isTrue();
        }
    }

    @Test
    void nodeKilled_isReportedOnTheConsole_theOthersRecoverIt_andStillStopCleanly() throws Exception {
        int port = FreePorts.range(13);
        Path demo = dir.resolve("kill");
        try (RunningCommand run = RunningCommand.start("demo", "--dir", demo.toString(), "--port",
                String.valueOf(port), "--image-size", "64M").awaitReady(START)) {
            String conf = demo.resolve("cluster.conf").toString();
            Matcher ready = Pattern.compile("node3 ready \\(pid (\\d+),").matcher(run.out());
            assertThat(ready.find()).as(run.out()).isTrue();
            ProcessHandle.of(Long.parseLong(ready.group(1))).orElseThrow().destroyForcibly();

            await().atMost(Duration.ofSeconds(30)).until(() -> run.out().contains("node3 died (exit status 137"));
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
                    recovered(gfsctl("status", "--json", "--node", "node1", "--conf", conf)));
            JsonNode status = gfsctl("status", "--json", "--node", "node1", "--conf", conf).at("/nodes/0/result");
            assertThat(status.at("/quorum/quorate").asBoolean()).as("2 of 3 votes").isTrue();

            assertThat(run.stop()).isEqualTo(ExitCodes.OK);
            assertThat(run.out()).contains("node3 was not running (it died earlier)", "node2 stopped cleanly",
                    "node1 stopped cleanly");
        }
        for (int j = 0; j < 3; j++) {
            assertThat(DemoCommandTest.journalClean(demo.resolve("disk.img"), j)).as("journal " + j
                    + " (node3's replayed by a survivor)").isTrue();
        }
    }

    /** node1's recovery sequence has run to its end (RESUMED, DONE). */
    private static boolean recovered(JsonNode status) {
        for (JsonNode step : status.at("/nodes/0/result/recovery")) {
            if (step.get("phase").asText().equals("RESUMED") && step.get("state").asText().equals("DONE")) {
                return true;
            }
        }
        return false;
    }

    @Test
    void imageWithFewerJournalsThanNodes_isRefusedClearly_andKeptAsItWas() throws Exception {
        Path demo = dir.resolve("old");
        Files.createDirectories(demo);
        Path image = demo.resolve("disk.img");
        try (FileBlockDevice d = FileBlockDevice.create(image, 32L << 20)) {
            Mkfs.format(d, MkfsOptions.defaults("demo:gfs0").withJournals(2, 256));
        }
        byte[] before = Files.readAllBytes(image);
        RunningCommand run = RunningCommand.start("demo", "--dir", demo.toString(), "--port",
                String.valueOf(FreePorts.range(13)));

        assertThat(run.awaitExit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.err()).contains("has 2 journals", "3-node demo needs one per node", "never reformatted",
                "--nodes 2");
        assertThat(Files.readAllBytes(image)).isEqualTo(before);
        assertThat(run.out()).doesNotContain("ready");
    }

    @Test
    void dataServersOption_inACluster_meansOneDataServerPerNode() throws Exception {
        RunningCommand run = RunningCommand.start("demo", "--nodes", "3", "--data-servers", "2", "--dir",
                dir.resolve("x").toString());

        assertThat(run.awaitExit()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("one data server per node").contains("--nodes 1");
    }

    private Nfs41TestClient client(int port) throws IOException {
        Nfs41TestClient c = Nfs41TestClient.connect(new InetSocketAddress("127.0.0.1", port), "demo-cluster-test")
                .mount();
        clients.add(c);
        return c;
    }

    private static JsonNode gfsctl(String... args) throws IOException {
        InProcessGfsctl.Result r = InProcessGfsctl.run("demo-cluster-test", args);
        assertThat(r.exit()).as(String.join(" ", args) + "\n" + r.out() + r.err()).isZero();
        return JSON.readTree(r.out());
    }
}
