package org.gfspnfs.membership.sbd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.gfspnfs.membership.MonotonicClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two "nodes" share one fence-area image file, each with its own open area, as two hosts share a disk. */
class SelfFenceWatchdogTest {
    private static final Duration WATCHDOG = Duration.ofMillis(300);
    private static final Duration SELF_FENCE = Duration.ofMillis(800);

    @TempDir
    Path dir;

    private final Clock clock = new MonotonicClock();
    private final AtomicBoolean quorate = new AtomicBoolean(true);
    private final AtomicReference<String> halted = new AtomicReference<>();
    private PoisonPillArea mine;
    private PoisonPillArea fencers;
    private IoGate gate;
    private SelfFenceWatchdog watchdog;

    private SelfFenceWatchdog startNode2(long incarnation) throws Exception {
        Path image = dir.resolve("disk.img.fence");
        mine = PoisonPillArea.open(image, "testc");
        fencers = PoisonPillArea.open(image, "testc");
        gate = new IoGate(clock, WATCHDOG, quorate::get);
        watchdog = new SelfFenceWatchdog(2, incarnation, List.of(mine), quorate::get, WATCHDOG, SELF_FENCE, gate,
                halted::set, clock);
        watchdog.start();
        return watchdog;
    }

    @AfterEach
    void stop() throws Exception {
        if (watchdog != null) {
            watchdog.close();
        }
        if (mine != null) {
            mine.close();
            fencers.close();
        }
    }

    @Test
    void quorateNodeWithCleanSlot_mayWrite() throws Exception {
        startNode2(100);
        await().atMost(Duration.ofSeconds(5)).until(gate::permitsWrite);
        assertThat(fencers.read(2)).isEqualTo(SlotMessage.clear(2, 100, fencers.read(2).timeMillis()));
    }

    @Test
    void poisonPillForThisIncarnation_haltsAtOnce_andClosesTheGateFirst() throws Exception {
        startNode2(100);
        await().atMost(Duration.ofSeconds(5)).until(gate::permitsWrite);

        fencers.write(SlotMessage.poison(2, 100, 1, clock.millis()));

        await().atMost(Duration.ofSeconds(5)).until(() -> halted.get() != null);
        assertThat(halted.get()).contains("poison pill from node 1");
        assertThat(gate.permitsWrite()).isFalse();
        assertThatThrownBy(gate::checkWrite).isInstanceOf(FencedIoException.class).hasMessageContaining("fenced");
    }

    @Test
    void pillForAnOlderLife_isIgnoredByTheNewOne() throws Exception {
        Path image = dir.resolve("disk.img.fence");
        try (PoisonPillArea early = PoisonPillArea.open(image, "testc")) {
            early.write(SlotMessage.poison(2, 99, 1, clock.millis()));
        }
        startNode2(100);

        await().atMost(Duration.ofSeconds(5)).until(gate::permitsWrite);
        assertThat(halted.get()).isNull();
        assertThat(fencers.read(2).kind()).isEqualTo(SlotMessage.Kind.CLEAR);
    }

    @Test
    void newerLifeClaimingTheSlot_haltsTheOldLife() throws Exception {
        startNode2(100);
        await().atMost(Duration.ofSeconds(5)).until(gate::permitsWrite);

        fencers.write(SlotMessage.clear(2, 101, clock.millis()));

        await().atMost(Duration.ofSeconds(5)).until(() -> halted.get() != null);
        assertThat(halted.get()).contains("newer incarnation 101");
    }

    @Test
    void quorumLost_freezesWritesAtOnce_andSelfFencesAfterTheTimeout() throws Exception {
        startNode2(100);
        await().atMost(Duration.ofSeconds(5)).until(gate::permitsWrite);

        long lostAt = System.nanoTime();
        quorate.set(false);

        assertThatThrownBy(gate::checkWrite).isInstanceOf(FencedIoException.class).hasMessageContaining("inquorate");
        await().atMost(Duration.ofSeconds(5)).until(() -> halted.get() != null);
        assertThat(Duration.ofNanos(System.nanoTime() - lostAt)).isGreaterThanOrEqualTo(SELF_FENCE);
        assertThat(halted.get()).contains("inquorate");
    }

    @Test
    void quorumBackBeforeTheTimeout_noSelfFence() throws Exception {
        startNode2(100);
        await().atMost(Duration.ofSeconds(5)).until(gate::permitsWrite);

        quorate.set(false);
        await().atMost(Duration.ofSeconds(5)).until(() -> !gate.permitsWrite());
        quorate.set(true);

        await().atMost(Duration.ofSeconds(5)).until(gate::permitsWrite);
        await().during(SELF_FENCE.multipliedBy(2)).atMost(SELF_FENCE.multipliedBy(3))
                .until(() -> halted.get() == null);
    }

    @Test
    void slotUnreadableForTheWatchdogTimeout_halts() throws Exception {
        startNode2(100);
        await().atMost(Duration.ofSeconds(5)).until(gate::permitsWrite);

        try (FileChannel raw = FileChannel.open(dir.resolve("disk.img.fence"), StandardOpenOption.WRITE)) {
            raw.write(ByteBuffer.wrap(new byte[] {1, 2, 3, 4}), 2L * PoisonPillArea.SLOT_SIZE + 8);
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> halted.get() != null);
        assertThat(halted.get()).contains("cannot read own fence slot");
    }

    @Test
    void areaOfAnotherCluster_isRefused() throws Exception {
        Path image = dir.resolve("other.fence");
        PoisonPillArea.open(image, "prod").close();
        assertThatThrownBy(() -> PoisonPillArea.open(image, "testc")).isInstanceOf(CorruptSlotException.class)
                .hasMessageContaining("cluster 'prod'");
    }
}
