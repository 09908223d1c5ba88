package org.gfspnfs.membership.sbd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

import org.gfspnfs.membership.MonotonicClock;
import org.gfspnfs.membership.fence.FenceConfirmation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two halves of a slot: the mailbox message and the FENCED record never erase each other. */
class FenceRecordTest {
    @TempDir
    Path dir;

    private final FenceConfirmation fenced = new FenceConfirmation(3, 1003, 1, "method power (pdu: agent fence_x)",
            Instant.ofEpochMilli(1_700_000_000_123L));

    @Test
    void fencedRecord_survivesTheVictimsNewLifeClaimingItsSlot() throws Exception {
        try (PoisonPillArea fencer = PoisonPillArea.open(dir.resolve("a.fence"), "testc");
             PoisonPillArea victim = PoisonPillArea.open(dir.resolve("a.fence"), "testc")) {
            fencer.write(SlotMessage.poison(3, 1003, 1, 5));
            fencer.writeConfirmation(fenced);
            assertThat(victim.read(3).condemns(1003)).isTrue();

            victim.write(SlotMessage.clear(3, 2003, 7));

            assertThat(fencer.read(3)).isEqualTo(SlotMessage.clear(3, 2003, 7));
            assertThat(fencer.readConfirmation(3)).contains(fenced);
            DiskFenceLedger ledger = new DiskFenceLedger(fencer, new MonotonicClock());
            assertThat(ledger.confirmation(3, 1003)).contains(fenced);
            assertThat(ledger.confirmation(3, 2003)).as("another life is not fenced by it").isEmpty();
        }
    }

    @Test
    void leftRecord_isACleanLeaveOfThatLifeOnly_andCondemnsIt() throws Exception {
        try (PoisonPillArea area = PoisonPillArea.open(dir.resolve("a.fence"), "testc")) {
            DiskFenceLedger ledger = new DiskFenceLedger(area, new MonotonicClock());
            assertThat(ledger.leftCleanly(2, 500)).isFalse();

            ledger.recordLeft(2, 500);

            assertThat(ledger.leftCleanly(2, 500)).isTrue();
            assertThat(ledger.leftCleanly(2, 499)).isFalse();
            assertThat(area.read(2).condemns(500)).as("a life that left never writes again").isTrue();
            assertThat(area.read(2).condemns(501)).isFalse();
        }
    }

    @Test
    void damagedFencedRecord_isReportedNotBelieved() throws Exception {
        Path file = dir.resolve("a.fence");
        try (PoisonPillArea area = PoisonPillArea.open(file, "testc")) {
            area.writeConfirmation(fenced);
            try (FileChannel raw = FileChannel.open(file, StandardOpenOption.WRITE)) {
                raw.write(ByteBuffer.wrap(new byte[] {0x7f}), 3L * PoisonPillArea.SLOT_SIZE + 2048 + 40);
            }
            assertThatThrownBy(() -> area.readConfirmation(3)).isInstanceOf(CorruptSlotException.class)
                    .hasMessageContaining("fence record");
        }
    }
}
