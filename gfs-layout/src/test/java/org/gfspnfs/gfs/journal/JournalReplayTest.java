package org.gfspnfs.gfs.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.List;
import org.gfspnfs.gfs.device.MemoryBlockDevice;
import org.gfspnfs.gfs.format.Meta;
import org.gfspnfs.gfs.format.MetaType;
import org.junit.jupiter.api.Test;

/** The journal on its own: commit, replay, idempotence, torn heads, revokes, wrap-around. */
class JournalReplayTest {
    private static final int BS = 512;
    private static final long JOURNAL_START = 1;
    private static final int JOURNAL_BLOCKS = 64;
    private final MemoryBlockDevice dev = new MemoryBlockDevice(BS * 256);
    private final JournalArea area = new JournalArea(dev, BS, JOURNAL_START, JOURNAL_BLOCKS);

    private JournalWriter freshWriter() throws Exception {
        area.zero();
        return cleanWriter(area);
    }

    /** The journal on a device that counts flushes, zeroed. */
    private static JournalArea countedArea(FlushCounter counting) throws Exception {
        JournalArea counted = new JournalArea(counting, BS, JOURNAL_START, JOURNAL_BLOCKS);
        counted.zero();
        return counted;
    }

    private static JournalWriter cleanWriter(JournalArea a) throws Exception {
        JournalWriter w = new JournalWriter(a, Clock.systemUTC(), 1, 0);
        w.markClean();
        return w;
    }

    private static BlockImage image(long addr, int fill) {
        byte[] b = new byte[BS];
        Meta.init(b, MetaType.IN, addr);
        java.util.Arrays.fill(b, 24, BS, (byte) fill);
        Meta.seal(b);
        return new BlockImage(addr, b);
    }

    private byte[] home(long addr) throws Exception {
        ByteBuffer b = ByteBuffer.allocate(BS);
        dev.read(addr * BS, b);
        return b.array();
    }

    private void clobberHome(long addr) throws Exception {
        dev.write(addr * BS, ByteBuffer.allocate(BS));
    }

    @Test
    void committedTransaction_lostInPlaceWrites_isReplayed_andReplayIsIdempotent() throws Exception {
        JournalWriter w = freshWriter();
        w.commit(List.of(image(100, 1), image(101, 2)), new long[0]);
        clobberHome(100);
        clobberHome(101);
        JournalReplayer.Result r = new JournalReplayer(area).replay();
        assertThat(r.replayedTransactions()).isEqualTo(1);
        assertThat(home(100)).isEqualTo(image(100, 1).data());
        byte[] afterFirst = dev.snapshot();
        new JournalReplayer(area).replay();
        assertThat(dev.snapshot()).as("second replay changes nothing").isEqualTo(afterFirst);
    }

    @Test
    void tornHead_isDetectedAndDiscarded() throws Exception {
        JournalWriter w = freshWriter();
        w.commit(List.of(image(100, 1)), new long[0]);
        w.commit(List.of(image(100, 2), image(102, 2)), new long[0]);
        // Tear the head: one body block of the last transaction never reached the disk.
        JournalReplayer.Result scan = new JournalReplayer(area).scan();
        long bodyPos = scan.head().header().startPos() + 1;
        dev.write(area.address(bodyPos) * BS, ByteBuffer.allocate(BS));
        clobberHome(102);
        JournalReplayer.Result r = new JournalReplayer(area).replay();
        assertThat(r.tornHeadDiscarded()).isTrue();
        assertThat(r.replayedTransactions()).isZero();
        assertThat(home(102)).as("torn transaction not applied").containsOnly(0);
        assertThat(r.nextSeq()).isGreaterThan(scan.head().seq());
    }

    @Test
    void commitWithoutOrderedData_leavesOutTheLeadingFlush_andNamesThePreviousTransactionItsTail() throws Exception {
        FlushCounter counting = new FlushCounter(dev);
        JournalArea counted = countedArea(counting);
        JournalWriter w = cleanWriter(counted);
        int before = counting.flushes;
        long first = w.commit(List.of(image(100, 1)), new long[0], false);
        assertThat(counting.flushes - before).as("after a clean journal: one flush").isEqualTo(1);
        long second = w.commit(List.of(image(101, 2)), new long[0], false);
        assertThat(counting.flushes - before).as("metadata only: one flush per commit").isEqualTo(2);
        LogHeaderView head = new LogHeaderView(new JournalReplayer(counted).scan());
        assertThat(head.seq).isEqualTo(second);
        assertThat(head.tailSeq).as("the first one's in-place writes were not flushed before").isEqualTo(first);
        w.commit(List.of(image(102, 3)), new long[0], true);
        assertThat(counting.flushes - before).as("ordered data: flushed first").isEqualTo(4);
        head = new LogHeaderView(new JournalReplayer(counted).scan());
        assertThat(head.tailSeq).isEqualTo(head.seq);
    }

    @Test
    void tornHead_whoseTailIsThePreviousTransaction_stillReplaysThatOne() throws Exception {
        JournalWriter w = freshWriter();
        w.commit(List.of(image(100, 1)), new long[0], false);
        w.commit(List.of(image(101, 2), image(102, 2)), new long[0], false);
        // Crash before the second commit's flush completed: the first one's in-place write never landed, and one
        // body block of the second is missing (its commit block did land).
        clobberHome(100);
        clobberHome(102);
        JournalReplayer.Result scan = new JournalReplayer(area).scan();
        dev.write(area.address(scan.head().header().startPos() + 1) * BS, ByteBuffer.allocate(BS));
        JournalReplayer.Result r = new JournalReplayer(area).replay();
        assertThat(r.tornHeadDiscarded()).isTrue();
        assertThat(r.replayedTransactions()).as("the tail before the torn head").isEqualTo(1);
        assertThat(home(100)).as("the first transaction is applied").isEqualTo(image(100, 1).data());
        assertThat(home(102)).as("the torn one is not").containsOnly(0);
    }

    @Test
    void metadataCommits_stayOutOfPlaceUntilACheckpoint_andReplayAppliesEveryLiveOne() throws Exception {
        FlushCounter counting = new FlushCounter(dev);
        JournalArea counted = countedArea(counting);
        JournalWriter w = cleanWriter(counted);
        long first = w.commit(List.of(image(100, 1)), new long[0], false);
        w.commit(List.of(image(101, 2)), new long[0], false);
        w.commit(List.of(image(100, 3)), new long[0], false);
        assertThat(home(100)).as("not in place before a checkpoint").containsOnly(0);
        assertThat(home(101)).containsOnly(0);
        assertThat(w.unwritten(100)).as("the newest committed image").isEqualTo(image(100, 3).data());
        assertThat(counting.homeWrites).as("three commits wrote only journal blocks").isZero();
        JournalReplayer.Result scan = new JournalReplayer(counted).scan();
        assertThat(scan.head().header().tailSeq()).as("the first commit since the checkpoint").isEqualTo(first);

        JournalReplayer.Result r = new JournalReplayer(counted).replay();
        assertThat(r.replayedTransactions()).isEqualTo(3);
        assertThat(home(100)).isEqualTo(image(100, 3).data());
        assertThat(home(101)).isEqualTo(image(101, 2).data());
    }

    @Test
    void orderedDataCommit_checkpointsFirst_andBecomesItsOwnTail() throws Exception {
        JournalWriter w = freshWriter();
        w.commit(List.of(image(100, 1)), new long[0], false);
        w.commit(List.of(image(101, 2)), new long[0], false);
        long third = w.commit(List.of(image(102, 3)), new long[0], true);
        assertThat(home(100)).as("written in place before the leading flush").isEqualTo(image(100, 1).data());
        assertThat(home(101)).isEqualTo(image(101, 2).data());
        assertThat(home(102)).as("its own images wait for the next checkpoint").containsOnly(0);
        assertThat(w.unwritten(100)).isNull();
        assertThat(new JournalReplayer(area).scan().head().header().tailSeq()).isEqualTo(third);
        w.markClean();
        assertThat(home(102)).as("markClean checkpoints").isEqualTo(image(102, 3).data());
        assertThat(w.unwrittenBlocks()).isZero();
    }

    @Test
    void manyMetadataCommits_checkpointBeforeOverwritingLiveOnes_soAnyCrashReplaysToTheNewest() throws Exception {
        FlushCounter counting = new FlushCounter(dev);
        JournalArea counted = countedArea(counting);
        JournalWriter w = cleanWriter(counted);
        for (int i = 0; i < 200; i++) {
            w.commit(List.of(image(100 + (i % 7), i), image(130 + (i % 3), i)), new long[0], false);
            // A crash now loses every write since the last flush: replay must still give the newest images.
            MemoryBlockDevice crashed = new MemoryBlockDevice(BS * 256);
            crashed.write(0, ByteBuffer.wrap(counting.durable));
            JournalArea after = new JournalArea(crashed, BS, JOURNAL_START, JOURNAL_BLOCKS);
            new JournalReplayer(after).replay();
            for (int k = 0; k <= Math.min(i, 6); k++) {
                int newest = i - Math.floorMod(i - k, 7);
                ByteBuffer b = ByteBuffer.allocate(BS);
                crashed.read((100 + k) * BS, b);
                assertThat(b.array()).as("block %d after commit %d", 100 + k, i).isEqualTo(image(100 + k, newest)
                        .data());
            }
        }
    }

    /** The head's sequence and tail of a scan. */
    private record LogHeaderView(long seq, long tailSeq) {
        LogHeaderView(JournalReplayer.Result r) {
            this(r.head().seq(), r.head().header().tailSeq());
        }
    }

    /** Counts flushes of the device it wraps, and writes outside the journal. */
    private static final class FlushCounter implements org.gfspnfs.gfs.device.BlockDevice {
        private final org.gfspnfs.gfs.device.BlockDevice inner;
        int flushes;
        int homeWrites;

        FlushCounter(org.gfspnfs.gfs.device.BlockDevice inner) {
            this.inner = inner;
        }

        @Override
        public long size() {
            return inner.size();
        }

        @Override
        public void read(long offset, ByteBuffer dst) throws java.io.IOException {
            inner.read(offset, dst);
        }

        @Override
        public void write(long offset, ByteBuffer src) throws java.io.IOException {
            if (offset < JOURNAL_START * BS || offset >= (JOURNAL_START + JOURNAL_BLOCKS) * BS) {
                homeWrites++;
            }
            inner.write(offset, src);
        }

        @Override
        public void flush() throws java.io.IOException {
            flushes++;
            inner.flush();
            if (inner instanceof MemoryBlockDevice m) {
                durable = m.snapshot();
            }
        }

        /** What survives a power failure now: the device as of the last flush. */
        byte[] durable;

        @Override
        public void close() throws java.io.IOException {
            inner.close();
        }
    }

    @Test
    void revokedBlock_isNotReplayed() throws Exception {
        JournalWriter w = freshWriter();
        // One transaction that both logs block 100 and (later in the same log range) revokes it: simulate a tail
        // covering two transactions by writing the revoke with a higher sequence and replaying both.
        w.commit(List.of(image(100, 1)), new long[0]);
        long first = new JournalReplayer(area).scan().head().seq();
        w.commit(List.of(image(101, 3)), new long[] {100});
        byte[] data = home(100);
        clobberHome(100);
        // Rewrite the head's tail to include the earlier transaction.
        JournalReplayer.Result scan = new JournalReplayer(area).scan();
        assertThat(scan.head().seq()).isEqualTo(first + 1);
        var lh = scan.head().header();
        var widened = new org.gfspnfs.gfs.format.LogHeader(lh.seq(), lh.flags(), lh.bodyBlocks(), lh.startPos(),
                first, 0, lh.bodyCrc(), lh.timeMillis());
        dev.write(area.address(scan.head().commitPos()) * BS,
                ByteBuffer.wrap(widened.encode(BS, area.address(scan.head().commitPos()))));
        JournalReplayer.Result r = new JournalReplayer(area).replay();
        assertThat(r.replayedTransactions()).isEqualTo(2);
        assertThat(home(100)).as("revoked image not written back").containsOnly(0).isNotEqualTo(data);
        assertThat(home(101)).isEqualTo(image(101, 3).data());
    }

    @Test
    void manyTransactions_wrapAroundTheJournal_headStillFound() throws Exception {
        JournalWriter w = freshWriter();
        for (int i = 0; i < 50; i++) {
            w.commit(List.of(image(100 + (i % 5), i), image(120, i)), new long[0]);
        }
        clobberHome(120);
        JournalReplayer.Result r = new JournalReplayer(area).replay();
        assertThat(r.head().seq()).isEqualTo(51);
        assertThat(home(120)).isEqualTo(image(120, 49).data());
    }

    @Test
    void cleanJournal_needsNoReplay() throws Exception {
        JournalWriter w = freshWriter();
        w.commit(List.of(image(100, 1)), new long[0]);
        w.markClean();
        JournalReplayer.Result r = new JournalReplayer(area).scan();
        assertThat(r.wasClean()).isTrue();
    }
}
