package org.gfspnfs.gfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.List;
import org.gfspnfs.gfs.device.MemoryBlockDevice;
import org.gfspnfs.gfs.impl.GfsMounter;
import org.gfspnfs.gfs.lock.LocalLockModule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The batching the metadata and data paths rely on for speed: namespace operations join the running transaction
 * (commits happen at fsync/sync, glock handover, a half-full journal), blocks freed in the batch are reused once it
 * commits, and a big file's data is laid out as one contiguous run.
 */
class CommitPolicyTest {
    private final LocalLockModule locks = new LocalLockModule();

    @AfterEach
    void close() {
        locks.close();
    }

    @Test
    void unlinksAndLastCloses_commitNothing_untilSync_andSyncedStateSurvivesACrash() throws Exception {
        MemoryBlockDevice dev = TestImages.formatted(16 << 20, TestImages.small(4096));
        long freeWithAll;
        try (FileSystem fs = TestImages.mount(dev, 0, locks)) {
            InodeId dir = fs.mkdir(fs.root(), "d", 0755, 0, 0).id();
            for (int i = 0; i < 200; i++) {
                fs.create(dir, "f" + i, 0644, 0, 0);
            }
            fs.sync();
            freeWithAll = fs.statfs().freeBlocks();
            MountStats before = fs.stats();
            for (int i = 0; i < 100; i++) {
                fs.unlink(dir, "f" + i);
            }
            for (int i = 100; i < 200; i++) {
                fs.open(fs.lookup(dir, "f" + i)).close();
            }
            MountStats after = fs.stats();
            assertThat(after.journalCommits()).as("commits by unlink and close").isEqualTo(before.journalCommits());
            assertThat(after.checkpoints()).as("checkpoints by unlink and close").isEqualTo(before.checkpoints());

            fs.sync();
            assertThat(fs.stats().journalCommits()).isEqualTo(before.journalCommits() + 1);
            GfsMounter.crash(fs);
        }
        try (FileSystem fs = TestImages.mount(dev, 0, locks)) {
            InodeId dir = fs.lookup(fs.root(), "d");
            assertThatThrownBy(() -> fs.lookup(dir, "f0")).isInstanceOf(NoSuchFileException.class);
            assertThat(fs.lookup(dir, "f150")).isNotNull();
            for (int i = 100; i < 200; i++) {
                fs.unlink(dir, "f" + i);
            }
            fs.sync();
            assertThat(fs.statfs().freeBlocks()).as("every dinode freed").isEqualTo(freeWithAll + 200);
        }
    }

    @Test
    void createAndDeleteCycles_reuseSpaceFreedInTheUncommittedBatch_insteadOfFailingWithNoSpace() throws Exception {
        MemoryBlockDevice dev = TestImages.formatted(8 << 20, TestImages.small(4096));
        try (FileSystem fs = TestImages.mount(dev, 0, locks)) {
            long free = fs.statfs().freeBlocks();
            byte[] payload = new byte[64 << 10];
            // Writes four times the free space in total; only a commit makes the freed blocks allocatable again.
            long rounds = 4 * free / (payload.length / 4096 + 1);
            long commitsBefore = fs.stats().journalCommits();
            for (int i = 0; i < rounds; i++) {
                InodeId f = fs.create(fs.root(), "cycle", 0644, 0, 0).id();
                fs.write(f, 0, ByteBuffer.wrap(payload));
                fs.unlink(fs.root(), "cycle");
            }
            assertThat(fs.statfs().freeBlocks()).isEqualTo(free);
            assertThat(fs.stats().journalCommits() - commitsBefore)
                    .as("commits: only when the free space is used up, not one per cycle").isLessThan(rounds / 4);
        }
    }

    @Test
    void bigSequentialWrite_inOneMegabyteRequests_isOneContiguousExtent() throws Exception {
        MemoryBlockDevice dev = TestImages.formatted(64 << 20, TestImages.small(4096).withRgrpBlocks(8192));
        try (FileSystem fs = TestImages.mount(dev, 0, locks)) {
            InodeId f = fs.create(fs.root(), "big", 0644, 0, 0).id();
            byte[] chunk = new byte[1 << 20];
            for (int i = 0; i < 16; i++) {
                chunk[0] = (byte) i;
                fs.write(f, (long) i << 20, ByteBuffer.wrap(chunk));
            }
            List<Extent> map = fs.mapRange(f, 0, 16 << 20);
            // Indirect blocks live apart from the data, so a sequential reader needs one device call per request.
            assertThat(map).hasSize(1);
            assertThat(map.get(0).length()).isEqualTo(16 << 20);
            assertThat(map.get(0).state()).isEqualTo(ExtentState.WRITTEN);
            ByteBuffer back = ByteBuffer.allocate(1 << 20);
            fs.read(f, 9L << 20, back);
            assertThat(back.get(0)).isEqualTo((byte) 9);
        }
    }
}
