package org.gfspnfs.membership.sbd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node's watchdog and its fencers share one open area. Abandoning a fencing interrupts its thread, and an
 * interrupted FileChannel closes itself: the others must go on reading, or the watchdog would halt its own node.
 */
class PoisonPillAreaInterruptTest {
    @TempDir
    Path dir;

    @Test
    void fencerInterruptedMidIo_failsAlone_theWatchdogKeepsReading() throws Exception {
        try (PoisonPillArea area = PoisonPillArea.open(dir.resolve("a.fence"), "testc")) {
            area.write(SlotMessage.clear(2, 7, 1));
            AtomicReference<Throwable> fencer = new AtomicReference<>();
            Thread abandoned = new Thread(() -> {
                Thread.currentThread().interrupt();
                try {
                    area.write(SlotMessage.poison(3, 9, 2, 1));
                } catch (Throwable e) {
                    fencer.set(e);
                }
            });
            abandoned.start();
            abandoned.join();

            assertThat(fencer.get()).isInstanceOf(ClosedByInterruptException.class);
            assertThat(area.read(2)).as("the watchdog's next read").isEqualTo(SlotMessage.clear(2, 7, 1));
            area.write(SlotMessage.poison(3, 9, 2, 1));
            assertThat(area.read(3).condemns(9)).isTrue();
        }
    }
}
