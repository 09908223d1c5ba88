package org.gfspnfs.membership.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.gfspnfs.conf.ClusterConf;
import org.gfspnfs.membership.sbd.FenceAreas;
import org.gfspnfs.membership.sbd.PoisonPillArea;
import org.gfspnfs.membership.sbd.SlotMessage;
import org.gfspnfs.membership.testing.TestConf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three nodes, each its own JVM, on 127.0.0.1, sharing an image file and its fence area (heartbeat 1 s, failure
 * timeout 3 s, watchdog 500 ms, poison pill wait 1 s). One cluster lives through both failures, in order: a kill -9
 * and, after the killed node restarted, a SIGSTOP.
 */
class MultiProcessFencingTest {
    @TempDir
    Path dir;

    @Test
    void killedNodeIsFencedAndRecovered_thenAHungNodeIsPoisonedAndHaltsWithoutWriting() throws Exception {
        ClusterConf conf = TestConf.in(dir).nodes(3).write("cluster.conf");
        try (ProcessCluster cluster = new ProcessCluster(conf, dir.resolve("cluster.conf"), List.of())) {
            for (int id = 1; id <= 3; id++) {
                cluster.start(id);
            }
            for (int id = 1; id <= 3; id++) {
                cluster.awaitView(id, "1,2,3");
            }
            killed_isLostFencedRecovered(cluster);

            // The killed node restarts as a new incarnation and is let back in.
            cluster.start(3);
            for (int id = 1; id <= 3; id++) {
                cluster.awaitView(id, "1,2,3");
            }
            hung_isPoisoned_andHaltsWithoutWritingWhenItWakes(cluster);
        }
    }

    private void killed_isLostFencedRecovered(ProcessCluster cluster) throws Exception {
        ClusterConf conf = cluster.conf;
        long lostIncarnation = cluster.incarnation(3);
        long killedAt = System.currentTimeMillis();
        cluster.node(3).kill9();
        long lost = cluster.stepTime(1, "MEMBER_LOST", 3, "DONE") - killedAt;
        long fenced = cluster.stepTime(1, "FENCE", 3, "DONE") - killedAt;
        long resumed = cluster.stepTime(1, "RESUME", 0, "DONE") - killedAt;
        cluster.stepTime(2, "RESUME", 0, "DONE");
        System.out.printf("kill -9 of node3: lost after %d ms, fenced after %d ms, resumed after %d ms%n", lost,
                fenced, resumed);
        assertThat(lost).isLessThan(conf.timing().failureTimeout().plusSeconds(2).toMillis());
        assertThat(fenced - lost).isGreaterThanOrEqualTo(conf.timing().poisonPillWait().toMillis());
        try (PoisonPillArea area = PoisonPillArea.open(FenceAreas.defaultLocation(conf), conf.name())) {
            SlotMessage slot = area.read(3);
            assertThat(slot.kind()).isEqualTo(SlotMessage.Kind.POISON);
            assertThat(slot.incarnation()).isEqualTo(lostIncarnation);
        }
    }

    private void hung_isPoisoned_andHaltsWithoutWritingWhenItWakes(ProcessCluster cluster) throws Exception {
        NodeProcess hung = cluster.node(2);
        await().atMost(ProcessCluster.WAIT).until(() -> hung.find("WROTE", t -> true).isPresent());
        long stoppedAt = System.currentTimeMillis();
        hung.signal("STOP");
        cluster.stepTime(1, "FENCE", 2, "DONE");
        cluster.stepTime(3, "RESUME", 0, "DONE");
        System.out.printf("SIGSTOP of node2: fenced after %d ms%n", System.currentTimeMillis() - stoppedAt);
        byte[] before = cluster.region(2);
        assertThat(Arrays.equals(before, new byte[before.length])).as("node2 had been writing").isFalse();

        hung.signal("CONT");

        await("node2 halts").atMost(ProcessCluster.WAIT).until(() -> !hung.alive());
        assertThat(hung.exitCode()).as(hung.tail()).isEqualTo(MemberNodeMain.HALT_STATUS);
        assertThat(hung.find("HALT", t -> t.contains("poison pill"))).as(hung.tail()).isPresent();
        assertThat(cluster.region(2)).as("node2 wrote nothing after it was fenced").isEqualTo(before);
        cluster.awaitView(1, "1,3");
    }
}
