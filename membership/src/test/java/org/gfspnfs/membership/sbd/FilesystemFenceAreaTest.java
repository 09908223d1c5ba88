package org.gfspnfs.membership.sbd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.gfspnfs.conf.ClusterConf;
import org.gfspnfs.conf.FenceDevice;
import org.gfspnfs.gfs.Mkfs;
import org.gfspnfs.gfs.MkfsOptions;
import org.gfspnfs.gfs.device.FileBlockDevice;
import org.gfspnfs.gfs.format.Superblock;
import org.gfspnfs.gfs.fsck.Fsck;
import org.gfspnfs.gfs.fsck.FsckMode;
import org.gfspnfs.gfs.fsck.FsckProgress;
import org.gfspnfs.membership.MonotonicClock;
import org.gfspnfs.membership.fence.FenceOutcome;
import org.gfspnfs.membership.fence.FenceRequest;
import org.gfspnfs.membership.testing.TestConf;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disk-fencing area inside the filesystem device (gfs-layout FORMAT.md, FENCE_AREA): found from the superblock,
 * shared by every node through the image itself, and never spilling into the filesystem around it.
 */
class FilesystemFenceAreaTest {
    @TempDir
    Path dir;

    private final Clock clock = new MonotonicClock();
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private ClusterConf conf() {
        return TestConf.in(dir).nodes(2).write("cluster.conf");
    }

    private Superblock mkfs(ClusterConf conf, boolean fenceArea) throws IOException {
        try (FileBlockDevice dev = FileBlockDevice.create(conf.filesystem().device(), 8 << 20)) {
            return Mkfs.format(dev, new MkfsOptions(4096, 2, 64, 256, "testc:gfs0", "", UUID.randomUUID())
                    .withFenceArea(fenceArea));
        }
    }

    @Test
    void mkfsImage_fenceAreaIsFoundInsideTheDevice_whereTheSuperblockSays() throws Exception {
        ClusterConf conf = conf();
        Superblock sb = mkfs(conf, true);

        FenceAreaLocation where = FenceAreas.defaultLocation(conf);

        assertThat(where).isEqualTo(new FenceAreaLocation(conf.filesystem().device(), sb.fenceAreaOffset()));
        assertThat(FenceAreas.watched(conf)).containsExactly(where);
        assertThat(Files.exists(dir.resolve("disk.img.fence"))).isFalse();
    }

    @Test
    void twoNodes_fenceEachOther_throughTheAreaInTheImage_andTheFilesystemStaysIntact() throws Exception {
        ClusterConf conf = conf();
        Superblock sb = mkfs(conf, true);
        byte[] before = Files.readAllBytes(conf.filesystem().device());
        Node one = new Node(conf, 1, 100);
        Node two = new Node(conf, 2, 200);
        await().atMost(Duration.ofSeconds(5)).until(() -> one.gate.permitsWrite() && two.gate.permitsWrite());

        FenceOutcome twoFencesOne = two.fence(conf, 1, 100);

        assertThat(twoFencesOne.success()).as(twoFencesOne.detail()).isTrue();
        assertThat(one.halted.get()).contains("poison pill from node 2");
        assertThat(one.gate.permitsWrite()).isFalse();

        FenceOutcome oneFencesTwo = one.fence(conf, 2, 200);

        assertThat(oneFencesTwo.success()).as(oneFencesTwo.detail()).isTrue();
        assertThat(two.halted.get()).contains("poison pill from node 1");
        byte[] after = Files.readAllBytes(conf.filesystem().device());
        int from = (int) sb.fenceAreaOffset();
        int to = (int) (from + sb.fenceAreaBytes());
        assertThat(Arrays.equals(after, from, to, before, from, to)).as("the pills are in the area").isFalse();
        assertThat(Arrays.equals(after, 0, from, before, 0, from)).as("superblock untouched").isTrue();
        assertThat(Arrays.equals(after, to, after.length, before, to, before.length))
                .as("journals and resource groups untouched").isTrue();
        try (FileBlockDevice dev = FileBlockDevice.open(conf.filesystem().device())) {
            assertThat(Fsck.run(dev, FsckMode.CHECK, FsckProgress.NONE).findings()).isEmpty();
        }
    }

    @Test
    void imageMadeBeforeTheArea_keepsTheFenceFileNextToIt() throws Exception {
        ClusterConf conf = conf();
        mkfs(conf, false);

        assertThat(FenceAreas.defaultLocation(conf))
                .isEqualTo(FenceAreaLocation.startOf(dir.resolve("disk.img.fence")));
    }

    @Test
    void unformattedOrMissingDevice_keepsTheFenceFileNextToIt() throws Exception {
        ClusterConf conf = conf();
        assertThat(FenceAreas.defaultLocation(conf))
                .isEqualTo(FenceAreaLocation.startOf(dir.resolve("disk.img.fence")));
        Files.write(conf.filesystem().device(), new byte[64 << 10]);
        assertThat(FenceAreas.defaultLocation(conf))
                .isEqualTo(FenceAreaLocation.startOf(dir.resolve("disk.img.fence")));
    }

    @Test
    void superblockFailingItsChecksum_isNotGuessedFrom() throws Exception {
        ClusterConf conf = conf();
        mkfs(conf, true);
        try (FileChannel raw = FileChannel.open(conf.filesystem().device(), StandardOpenOption.WRITE)) {
            raw.write(ByteBuffer.wrap(new byte[] {9}), 120);
        }

        assertThatThrownBy(() -> FenceAreas.defaultLocation(conf)).isInstanceOf(IOException.class)
                .hasMessageContaining("checksum");
    }

    /** One node's fencing stack over its own open of the shared image. */
    private final class Node {
        final AtomicReference<String> halted = new AtomicReference<>();
        final IoGate gate;
        final FenceAreas areas;
        final int nodeId;

        Node(ClusterConf conf, int nodeId, long incarnation) throws IOException {
            this.nodeId = nodeId;
            areas = new FenceAreas(conf);
            open.add(areas);
            gate = new IoGate(clock, conf.timing().watchdogTimeout(), () -> true);
            SelfFenceWatchdog watchdog = new SelfFenceWatchdog(nodeId, incarnation, areas.openWatched(), () -> true,
                    conf.timing().watchdogTimeout(), conf.timing().selfFenceTimeout(), gate, halted::set, clock);
            open.add(watchdog);
            watchdog.start();
        }

        FenceOutcome fence(ClusterConf conf, int victim, long incarnation) throws InterruptedException {
            FenceDevice pill = conf.fenceDevice("pill").orElseThrow();
            return new DiskFenceAgent(conf, areas, nodeId, clock).fence(new FenceRequest(
                    conf.nodeById(victim).orElseThrow(), incarnation, "disk", pill, Map.of()));
        }
    }
}
