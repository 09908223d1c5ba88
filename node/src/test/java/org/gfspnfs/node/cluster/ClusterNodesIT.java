package org.gfspnfs.node.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gfspnfs.gfs.FileSystem;
import org.gfspnfs.gfs.FileSystems;
import org.gfspnfs.gfs.InodeId;
import org.gfspnfs.gfs.MountOptions;
import org.gfspnfs.gfs.device.FileBlockDevice;
import org.gfspnfs.gfs.fsck.Fsck;
import org.gfspnfs.gfs.fsck.FsckMode;
import org.gfspnfs.gfs.fsck.FsckReport;
import org.gfspnfs.gfs.lock.LocalLockModule;
import org.gfspnfs.node.daemon.MiniNfsClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three node processes (each its own JVM running the real daemon) on one image file: they form a quorate cluster
 * through Hazelcast, mount through the DLM, and answer gfsctl; a node killed with -9 while writing is fenced by
 * the survivors, its locks recovered and its journal replayed, and every file it acknowledged is there.
 */
@Timeout(300)
class ClusterNodesIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration START = Duration.ofSeconds(90);

    /** Kept when a test fails: its node logs (n1.log ...) are what explains a cluster that misbehaved. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    private final List<NodeProcess> nodes = new ArrayList<>();

    @AfterEach
    void stopAll() throws InterruptedException {
        for (NodeProcess n : nodes) {
            n.close();
        }
    }

    @Test
    void threeNodes_gfsctlShowsMembersLockspaceAndEachNodesJournalLock() throws Exception {
        ClusterFixture cluster = ClusterFixture.create(dir, 3);
        for (int i = 1; i <= 3; i++) {
            nodes.add(NodeProcess.start(cluster, "n" + i));
        }
        for (NodeProcess n : nodes) {
            n.await(l -> l.equals("ready"), START);
        }

        JsonNode status = Gfsctl.json(cluster, "status", "--json");
        for (JsonNode node : status.get("nodes")) {
            assertThat(node.get("outcome").asText()).as(node.toString()).isEqualTo("ok");
            JsonNode r = node.get("result");
            assertThat(r.at("/quorum/quorate").asBoolean()).isTrue();
            assertThat(r.get("members")).hasSize(3).allSatisfy(m ->
                    assertThat(m.get("state").asText()).isEqualTo("MEMBER"));
        }

        JsonNode ls = Gfsctl.json(cluster, "ls", "--json");
        for (JsonNode node : ls.get("nodes")) {
            JsonNode spaces = node.get("result");
            assertThat(spaces).as(node.toString()).hasSize(1);
            assertThat(spaces.get(0).get("name").asText()).isEqualTo(ClusterFixture.LOCK_TABLE);
            assertThat(spaces.get(0).get("state").asText()).isEqualTo("RUNNING");
            assertThat(spaces.get(0).get("members")).extracting(JsonNode::asInt).containsExactly(1, 2, 3);
        }

        // A file the test keeps open through n1's NFS server: n1 holds the inode's iopen glock.
        MiniNfsClient nfs = MiniNfsClient.connect(cluster.conf.node("n1").orElseThrow().nfsMds().toSocketAddress())
                .mount("cluster-it");
        MiniNfsClient.Opened held = nfs.createInRoot("held-open");
        long inode = nfs.attrsOf(held.fh()).fileId();

        // Each mounted node holds its own journal's lock EX; asking every node finds each resource at its master.
        JsonNode locks = Gfsctl.json(cluster, "locks", ClusterFixture.LOCK_TABLE, "--json");
        Map<String, JsonNode> byName = new HashMap<>();
        for (JsonNode node : locks.get("nodes")) {
            assertThat(node.get("outcome").asText()).as(node.toString()).isEqualTo("ok");
            node.get("result").forEach(r -> byName.put(r.get("name").asText(), r));
        }
        for (int id = 1; id <= 3; id++) {
            String journal = String.format("%8x%16x", 9, id - 1);
            assertThat(byName).as("resources known to the masters").containsKey(journal);
            JsonNode granted = byName.get(journal).get("granted");
            assertThat(granted).hasSize(1);
            assertThat(granted.get(0).get("nodeId").asInt()).isEqualTo(id);
            assertThat(granted.get(0).get("grantedMode").asText()).isEqualTo("EX");
        }
        String iopen = String.format("%8x%16x", 5, inode);
        assertThat(byName).as("iopen glock of inode " + inode).containsKey(iopen);
        assertThat(byName.get(iopen).get("granted")).anySatisfy(l -> {
            assertThat(l.get("nodeId").asInt()).isEqualTo(1);
            assertThat(l.get("grantedMode").asText()).isEqualTo("PR");
        });
        nfs.close(held);
        nfs.close();

        // Lockspaces: another one can be joined and left; the mounted filesystem's cannot be left.
        assertThat(Gfsctl.json(cluster, "lockspace-join", "extra", "--node", "n2", "--json")
                .at("/nodes/0/outcome").asText()).isEqualTo("ok");
        assertThat(Gfsctl.json(cluster, "ls", "--node", "n2", "--json").at("/nodes/0/result").findValuesAsText("name"))
                .containsExactlyInAnyOrder(ClusterFixture.LOCK_TABLE, "extra");
        assertThat(Gfsctl.json(cluster, "lockspace-leave", "extra", "--node", "n2", "--json")
                .at("/nodes/0/outcome").asText()).isEqualTo("ok");
        Gfsctl.Result refused = Gfsctl.run(cluster, "lockspace-leave", ClusterFixture.LOCK_TABLE, "--node", "n2",
                "--json");
        assertThat(refused.exit()).isNotZero();
        assertThat(refused.out()).contains("REFUSED").contains("mounted filesystem");

        // One node stops orderly: a clean leave, which the others neither fence nor replay.
        NodeProcess n3 = nodes.get(2);
        n3.terminate();
        n3.awaitCleanStop();
        awaitRecovery(cluster, "n1", "n3", Duration.ofSeconds(60));
        JsonNode n1Status = Gfsctl.json(cluster, "status", "--node", "n1", "--json").at("/nodes/0/result");
        assertThat(count(n1Status.get("fencing"), "n3", "SUCCEEDED")).isZero();
        assertThat(n1Status.get("members")).anySatisfy(m -> {
            assertThat(m.get("name").asText()).isEqualTo("n3");
            assertThat(m.get("state").asText()).isEqualTo("LEFT");
        });
        assertThat(n1Status.get("recovery").toString()).contains("left cleanly");
        JsonNode after = Gfsctl.json(cluster, "ls", "--node", "n1", "--json").at("/nodes/0/result/0/members");
        assertThat(after).extracting(JsonNode::asInt).containsExactly(1, 2);

        // The other two stop at the same moment, as a cluster-wide shutdown does: both unmount cleanly.
        nodes.get(0).terminate();
        nodes.get(1).terminate();
        nodes.get(0).awaitCleanStop();
        nodes.get(1).awaitCleanStop();
        assertFsckClean(cluster);
    }

    @Test
    void killNine_writerNode_isFencedRecoveredAndReplayed_noAcknowledgedFileLost() throws Exception {
        ClusterFixture cluster = ClusterFixture.create(dir, 3);
        startWithWriter(cluster, 30);
        NodeProcess n3 = nodes.get(2);

        n3.kill9();
        long killedAt = System.currentTimeMillis();
        Map<String, Long> acked = new HashMap<>();
        for (String l : n3.lines()) {
            if (l.startsWith("ACK ")) {
                String[] p = l.split(" ");
                acked.put(p[1], Long.parseLong(p[2]));
            }
        }

        JsonNode resumed = awaitRecovery(cluster, "n1", "n3", Duration.ofSeconds(120));
        long took = java.time.Instant.parse(resumed.get("finishedAt").asText()).toEpochMilli() - killedAt;
        System.out.println("kill -9 of n3 to resumed service on n1: " + took + " ms");
        JsonNode n1Status = Gfsctl.json(cluster, "status", "--node", "n1", "--json").at("/nodes/0/result");
        assertThat(phases(n1Status, "n3")).contains("FENCING:DONE", "DLM_RECOVERY:DONE", "JOURNAL_REPLAY:DONE",
                "RESUMED:DONE");
        assertThat(n1Status.get("members")).anySatisfy(m -> {
            assertThat(m.get("name").asText()).isEqualTo("n3");
            assertThat(m.get("state").asText()).isEqualTo("FENCED");
        });

        // The survivors serve on: through n1's NFS server, n3's directory is there and new files can be written.
        try (MiniNfsClient nfs = MiniNfsClient.connect(cluster.conf.node("n1").orElseThrow().nfsMds()
                .toSocketAddress()).mount("cluster-it")) {
            assertThat(nfs.lookupInRoot("w-n3")).isZero();
            MiniNfsClient.Opened f = nfs.createInRoot("after-recovery");
            nfs.write(f, 0, 2, new byte[4096]);
            nfs.close(f);
        }
        // Then every acknowledged file of n3 is checked on the device (after the survivors crash too).
        killAll();
        assertThat(acked).hasSizeGreaterThanOrEqualTo(30);
        try (FileBlockDevice device = FileBlockDevice.open(cluster.image);
             FileSystem fs = FileSystems.mount(device, MountOptions.of(0, new LocalLockModule()))) {
            for (int j = 1; j < 3; j++) {
                fs.recoverJournal(j);
            }
            InodeId home = fs.lookup(fs.root(), "w-n3");
            for (Map.Entry<String, Long> e : acked.entrySet()) {
                InodeId f = fs.lookup(home, e.getKey());
                ByteBuffer buf = ByteBuffer.allocate(WorkloadNodeMain.FILE_SIZE);
                assertThat(fs.read(f, 0, buf)).isEqualTo(WorkloadNodeMain.FILE_SIZE);
                assertThat(WorkloadNodeMain.crc(buf.array())).as(e.getKey()).isEqualTo(e.getValue());
            }
        }
        assertFsckClean(cluster);
    }

    @Test
    void failingFenceAgent_recoveryWaitsAndSaysWhy_untilFenceAck() throws Exception {
        Path agent = dir.resolve("fence_unreachable");
        java.nio.file.Files.writeString(agent, "#!/bin/sh\ncat >/dev/null\necho 'PDU 192.0.2.9 unreachable' >&2\n"
                + "exit 1\n");
        agent.toFile().setExecutable(true);
        ClusterFixture cluster = ClusterFixture.create(dir, 3, agent);
        for (int i = 1; i <= 3; i++) {
            nodes.add(NodeProcess.start(cluster, "n" + i));
        }
        for (NodeProcess n : nodes) {
            n.await(l -> l.equals("ready"), START);
        }
        nodes.get(2).kill9();

        // The agent fails again and again: fencing stays RUNNING, nothing of n3 is recovered, and status says why.
        JsonNode waiting = awaitStatus(cluster, "n1", s -> count(s.get("fencing"), "n3", "FAILED") >= 2,
                Duration.ofSeconds(60));
        assertThat(phases(waiting, "n3")).contains("FENCING:RUNNING").doesNotContain("JOURNAL_REPLAY:DONE");
        assertThat(waiting.get("fencing").toString()).contains("PDU 192.0.2.9 unreachable");

        Gfsctl.Result ack = Gfsctl.run(cluster, "fence-ack", "n3", "--json");
        JsonNode answers = JSON.readTree(ack.out());
        for (JsonNode node : answers.get("nodes")) {
            if (!node.get("node").asText().equals("n3")) {
                assertThat(node.get("outcome").asText()).as(ack.toString()).isEqualTo("ok");
            }
        }
        JsonNode resumed = awaitRecovery(cluster, "n1", "n3", Duration.ofSeconds(60));
        assertThat(resumed.get("state").asText()).isEqualTo("DONE");
        JsonNode after = Gfsctl.json(cluster, "status", "--node", "n1", "--json").at("/nodes/0/result");
        assertThat(count(after.get("fencing"), "n3", "ACKNOWLEDGED")).isEqualTo(1);
        assertThat(phases(after, "n3")).contains("JOURNAL_REPLAY:DONE");
    }

    @Test
    void sigstop_hungWriter_isFencedByPoisonPill_andAfterSigcontHaltsWithoutWritingABlock() throws Exception {
        ClusterFixture cluster = ClusterFixture.create(dir, 3);
        startWithWriter(cluster, 30);
        NodeProcess n1 = nodes.get(0);
        NodeProcess n2 = nodes.get(1);
        NodeProcess n3 = nodes.get(2);

        n3.signal("STOP");
        awaitRecovery(cluster, "n1", "n3", Duration.ofSeconds(60));
        JsonNode status = Gfsctl.json(cluster, "status", "--node", "n1", "--json").at("/nodes/0/result");
        assertThat(status.get("fencing").toString()).contains("poison pill");
        // Nobody else writes from here on; whatever changes on the device now would be n3's doing.
        n1.kill9();
        n2.kill9();
        byte[] before = sha256(cluster.image);

        n3.signal("CONT");
        int exit = n3.awaitExit(Duration.ofSeconds(60));
        assertThat(exit).as(n3.tail()).isEqualTo(137);
        assertThat(n3.tail()).contains("poison");
        assertThat(sha256(cluster.image)).as("the device after the hung node woke up").isEqualTo(before);
    }

    private static byte[] sha256(Path file) throws Exception {
        java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return md.digest();
    }

    private static int count(JsonNode fencing, String target, String outcome) {
        int n = 0;
        for (JsonNode e : fencing) {
            if (e.get("target").asText().equals(target) && e.get("outcome").asText().equals(outcome)) {
                n++;
            }
        }
        return n;
    }

    private JsonNode awaitStatus(ClusterFixture cluster, String on, java.util.function.Predicate<JsonNode> p,
                                 Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = Gfsctl.json(cluster, "status", "--node", on, "--json").at("/nodes/0/result");
            if (p.test(last)) {
                return last;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("status of " + on + " never matched: " + last);
    }

    /** n1 and n2 as `gfspnfs start`, n3 with the writer; returns once n3 acknowledged {@code files} files. */
    private void startWithWriter(ClusterFixture cluster, int files) throws Exception {
        nodes.add(NodeProcess.start(cluster, "n1"));
        nodes.add(NodeProcess.start(cluster, "n2"));
        nodes.add(NodeProcess.startWithWorkload(cluster, "n3"));
        nodes.get(0).await(l -> l.equals("ready"), START);
        nodes.get(1).await(l -> l.equals("ready"), START);
        String ack = String.format("ACK f%04d", files);
        nodes.get(2).await(l -> l.startsWith(ack), START);
    }

    private void killAll() throws InterruptedException {
        for (NodeProcess n : nodes) {
            n.kill9();
        }
    }

    /** After every node crashed: replaying all journals (as the next mounts would) leaves a consistent filesystem. */
    private static void assertRecoverableAndClean(ClusterFixture cluster) throws IOException {
        try (FileBlockDevice device = FileBlockDevice.open(cluster.image);
             FileSystem fs = FileSystems.mount(device, MountOptions.of(0, new LocalLockModule()))) {
            for (int j = 1; j < 3; j++) {
                fs.recoverJournal(j);
            }
        }
        assertFsckClean(cluster);
    }

    /** Polls a node's status until recovery from losing {@code lost} has a finished RESUMED step; returns it. */
    private JsonNode awaitRecovery(ClusterFixture cluster, String on, String lost, Duration timeout)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = Gfsctl.json(cluster, "status", "--node", on, "--json").at("/nodes/0/result");
            for (JsonNode step : last.get("recovery")) {
                // Steps that act on the whole view (stop, DLM recovery, resume) name the lost node "*".
                if (step.get("phase").asText().equals("RESUMED")
                        && step.get("state").asText().equals("DONE")) {
                    return step;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("recovery of " + lost + " did not finish on " + on + ": " + last);
    }

    private static List<String> phases(JsonNode status, String lost) {
        List<String> out = new ArrayList<>();
        for (JsonNode step : status.get("recovery")) {
            String node = step.get("lostNode").asText();
            if (node.equals(lost) || node.equals("*")) {
                out.add(step.get("phase").asText() + ":" + step.get("state").asText());
            }
        }
        return out;
    }

    private static void assertFsckClean(ClusterFixture cluster) throws IOException {
        try (FileBlockDevice device = FileBlockDevice.open(cluster.image)) {
            FsckReport report = Fsck.run(device, FsckMode.CHECK, org.gfspnfs.gfs.fsck.FsckProgress.NONE);
            assertThat(report.clean()).as(report.toString()).isTrue();
        }
    }
}
