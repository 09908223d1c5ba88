package org.gfspnfs.membership.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.gfspnfs.conf.ClusterConf;
import org.gfspnfs.membership.testing.TestConf;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real network partition: three node JVMs in a private network namespace (127.0.0.1, .2, .3 on its loopback),
 * then nftables in that namespace drops all traffic between node 3 and the others. The host's own network is never
 * touched. Needs root, ip(8) and nft(8); skipped without them.
 */
class PartitionTest {
    @TempDir
    Path dir;

    private final String namespace = "gfspnfs-" + UUID.randomUUID().toString().substring(0, 8);
    private boolean created;

    private static int run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    private int inNamespace(String... command) throws IOException, InterruptedException {
        String[] full = new String[command.length + 4];
        full[0] = "ip";
        full[1] = "netns";
        full[2] = "exec";
        full[3] = namespace;
        System.arraycopy(command, 0, full, 4, command.length);
        return run(full);
    }

    @BeforeEach
    void namespace() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/sbin/ip")) || Files.isExecutable(Path.of("/sbin/ip")),
                "ip(8) not installed");
        Assumptions.assumeTrue(run("ip", "netns", "add", namespace) == 0, "cannot create a network namespace");
        created = true;
        assertThat(inNamespace("ip", "link", "set", "lo", "up")).isZero();
        // Hazelcast binds only to an address an interface carries: give lo the nodes' addresses.
        for (int id = 2; id <= 3; id++) {
            assertThat(inNamespace("ip", "addr", "add", "127.0.0." + id + "/8", "dev", "lo")).isZero();
        }
        Assumptions.assumeTrue(inNamespace("nft", "add", "table", "inet", "partition") == 0, "nft unavailable");
    }

    @AfterEach
    void removeNamespace() throws Exception {
        if (created) {
            run("ip", "netns", "del", namespace);
        }
    }

    @Test
    void partitionOfThree_majorityFencesAndGoesOn_minorityFreezesWritesNothingAndHalts() throws Exception {
        ClusterConf conf = TestConf.in(dir).nodes(3).addresses(id -> "127.0.0." + id).write("cluster.conf");
        try (ProcessCluster cluster = new ProcessCluster(conf, dir.resolve("cluster.conf"),
                List.of("ip", "netns", "exec", namespace))) {
            for (int id = 1; id <= 3; id++) {
                cluster.start(id);
            }
            for (int id = 1; id <= 3; id++) {
                cluster.awaitView(id, "1,2,3");
            }
            NodeProcess minority = cluster.node(3);
            await().atMost(ProcessCluster.WAIT).until(() -> minority.find("WROTE", t -> true).isPresent());

            long cutAt = System.currentTimeMillis();
            cut(3);

            await("node3 freezes").atMost(ProcessCluster.WAIT)
                    .until(() -> minority.find("FROZEN", t -> t.contains("inquorate")).isPresent()
                            || !minority.alive());
            long fenced = cluster.stepTime(1, "FENCE", 3, "DONE") - cutAt;
            long resumed = cluster.stepTime(2, "RESUME", 0, "DONE") - cutAt;
            byte[] afterFence = cluster.region(3);
            await("node3 halts").atMost(ProcessCluster.WAIT).until(() -> !minority.alive());
            assertThat(minority.exitCode()).as(minority.tail()).isEqualTo(MemberNodeMain.HALT_STATUS);
            System.out.printf("partition of node3: majority fenced it after %d ms, resumed after %d ms; node3 "
                    + "halted after %d ms: %s%n", fenced, resumed,
                    minority.find("HALT", t -> true).orElseThrow().at() - cutAt,
                    minority.find("HALT", t -> true).orElseThrow().text());
            assertThat(minority.find("HALT", t -> t.contains("poison pill") || t.contains("inquorate")))
                    .as(minority.tail()).isPresent();
            assertThat(cluster.region(3)).as("the minority wrote nothing once fenced").isEqualTo(afterFence);
            assertThat(minority.find("STEP", t -> t.startsWith("FENCE"))).as("the minority never fences")
                    .isEmpty();

            long majorityBefore = cluster.counter(1);
            await("the majority goes on writing").atMost(ProcessCluster.WAIT)
                    .until(() -> cluster.counter(1) > majorityBefore + 20);
            cluster.awaitView(1, "1,2");
        }
    }

    /** Drops every packet between node {@code id} and the others, both ways, inside the namespace. */
    private void cut(int id) throws Exception {
        String self = "127.0.0." + id;
        assertThat(inNamespace("nft", "add", "chain", "inet", "partition", "input",
                "{ type filter hook input priority 0 ; policy accept ; }")).isZero();
        assertThat(inNamespace("nft", "add", "rule", "inet", "partition", "input", "ip", "saddr", self, "ip",
                "daddr", "!=", self, "drop")).isZero();
        assertThat(inNamespace("nft", "add", "rule", "inet", "partition", "input", "ip", "daddr", self, "ip",
                "saddr", "!=", self, "drop")).isZero();
    }
}
