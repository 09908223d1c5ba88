package org.gfspnfs.gfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.gfspnfs.gfs.device.BlockDevice;
import org.gfspnfs.gfs.device.MemoryBlockDevice;
import org.gfspnfs.gfs.dump.Dump;
import org.gfspnfs.gfs.fsck.Fsck;
import org.gfspnfs.gfs.fsck.FsckMode;
import org.gfspnfs.gfs.fsck.FsckProgress;
import org.gfspnfs.gfs.fsck.FsckReport;
import org.gfspnfs.gfs.fsck.FsckStatus;
import org.gfspnfs.gfs.fsck.Images;
import org.gfspnfs.gfs.fsck.Raw;
import org.gfspnfs.gfs.format.Superblock;
import org.gfspnfs.gfs.impl.GfsMounter;
import org.junit.jupiter.api.Test;

/**
 * The disk-fencing area that mkfs reserves after the superblock (FORMAT.md, "Disk-fencing area"): the cluster's
 * poison-pill slots live in the shared device itself, and nothing the filesystem does may ever write there.
 */
class FenceAreaFormatTest {
    private static final int MIB = 1 << 20;

    @Test
    void mkfs_reservesZeroedFenceAreaAfterSuperblock_journalsFollowIt() throws Exception {
        MemoryBlockDevice dev = new MemoryBlockDevice(8 * MIB);
        byte[] garbage = new byte[8 * MIB];
        Arrays.fill(garbage, (byte) 0x5a);
        dev.write(0, ByteBuffer.wrap(garbage));

        Superblock sb = Mkfs.format(dev, Images.options());

        Superblock read = GfsMounter.readSuperblock(dev);
        assertThat(read).isEqualTo(sb);
        assertThat(read.hasFenceArea()).isTrue();
        assertThat(read.fenceAreaOffset()).as("4 KiB aligned, right after the superblock").isEqualTo(4096);
        assertThat(read.fenceStart()).isEqualTo(4096 / Images.BS);
        assertThat(read.fenceAreaBytes()).isEqualTo(MIB);
        assertThat(read.journalStart()).isEqualTo(read.fenceStart() + MIB / Images.BS);
        assertThat(area(dev, read)).containsOnly(0);
        assertThat(fsck(dev, FsckMode.CHECK).findings()).isEmpty();
        assertThat(dump(dev)).contains("flags            0x1 (FENCE_AREA)")
                .contains("fence area       blocks 4..1027 (1.0 MiB at byte 4096): all zero");
    }

    @Test
    void fenceAreaInUse_isNeitherFreeSpaceNorAnFsckFinding() throws Exception {
        MemoryBlockDevice dev = Images.formatted();
        Superblock sb = GfsMounter.readSuperblock(dev);
        long freeBefore;
        try (Images.Mounted m = Images.mount(dev)) {
            freeBefore = m.fs().statfs().freeBlocks();
        }
        byte[] slots = pattern(sb);
        dev.write(sb.fenceAreaOffset(), ByteBuffer.wrap(slots));
        byte[] before = dev.snapshot();

        assertThat(fsck(dev, FsckMode.CHECK).findings()).isEmpty();
        FsckReport repair = fsck(dev, FsckMode.REPAIR);
        assertThat(repair.status()).isEqualTo(FsckStatus.CLEAN);
        assertThat(dev.snapshot()).isEqualTo(before);
        try (Images.Mounted m = Images.mount(dev)) {
            assertThat(m.fs().statfs().freeBlocks()).isEqualTo(freeBefore);
            assertThat(m.fs().statfs().totalBlocks()).isLessThan(sb.totalBlocks() - sb.fenceBlocks());
        }
        assertThat(dump(dev)).contains("256 of 256 4 KiB slots in use");
    }

    @Test
    void fillingTheFilesystem_andReplayingItsJournal_neverTouchFenceArea() throws Exception {
        MemoryBlockDevice raw = Images.formatted();
        Superblock sb = GfsMounter.readSuperblock(raw);
        byte[] slots = pattern(sb);
        raw.write(sb.fenceAreaOffset(), ByteBuffer.wrap(slots));
        AreaGuard dev = new AreaGuard(raw, sb.fenceAreaOffset(), sb.fenceAreaBytes());

        int files = 0;
        Images.Mounted m = Images.mount(dev);
        Random rnd = new Random(11);
        try {
            while (true) {
                InodeId f = m.fs().create(m.fs().root(), "f" + files, 0644, 0, 0).id();
                files++;
                byte[] data = new byte[1024 * (1 + rnd.nextInt(200))];
                rnd.nextBytes(data);
                m.fs().write(f, 0, ByteBuffer.wrap(data));
                if (files % 7 == 0) {
                    m.fs().unlink(m.fs().root(), "f" + (files - 3));
                }
            }
        } catch (NoSpaceException full) {
            m.fs().sync();
        }
        assertThat(m.fs().statfs().freeBlocks()).isLessThan(200);
        // Crash with a live journal: the next mount replays it, which writes in place too.
        MemoryBlockDevice crashed = Raw.copy(raw);
        m.locks().close();
        try (Images.Mounted again = Images.mount(new AreaGuard(crashed, sb.fenceAreaOffset(),
                sb.fenceAreaBytes()))) {
            assertThat(again.fs().readdir(again.fs().root(), 0, 10).entries()).isNotEmpty();
        }

        assertThat(files).isGreaterThan(20);
        assertThat(dev.intrusions).isEmpty();
        assertThat(area(raw, sb)).isEqualTo(slots);
        assertThat(area(crashed, sb)).isEqualTo(slots);
        assertThat(fsck(crashed, FsckMode.CHECK).findings()).isEmpty();
    }

    @Test
    void imageWithoutFenceArea_olderLayout_stillMountsAndChecksClean() throws Exception {
        MemoryBlockDevice dev = new MemoryBlockDevice(8 * MIB);
        Superblock sb = Mkfs.format(dev, Images.options().withFenceArea(false));

        assertThat(sb.hasFenceArea()).isFalse();
        assertThat(sb.journalStart()).isEqualTo(1);
        assertThat(fsck(dev, FsckMode.CHECK).findings()).isEmpty();
        try (Images.Mounted m = Images.mount(dev)) {
            m.fs().create(m.fs().root(), "x", 0644, 0, 0);
        }
        assertThat(fsck(dev, FsckMode.CHECK).findings()).isEmpty();
        assertThat(dump(dev)).contains("fence area       none");
    }

    @Test
    void everyBlockSize_placesFenceAreaOnA4KiBBoundary() throws Exception {
        for (int bs : new int[] {512, 1024, 4096, 65536}) {
            MemoryBlockDevice dev = new MemoryBlockDevice(16 * MIB);
            Superblock sb = Mkfs.format(dev, Images.options().withBlockSize(bs).withJournals(1, 64)
                    .withRgrpBlocks(64));
            assertThat(sb.fenceAreaOffset() % 4096).as("block size %d", bs).isZero();
            assertThat(sb.fenceAreaOffset()).as("block size %d", bs).isEqualTo(Math.max(bs, 4096));
            assertThat(sb.fenceAreaBytes()).as("block size %d", bs).isEqualTo(MIB);
            assertThat(fsck(dev, FsckMode.CHECK).findings()).as("block size %d", bs).isEmpty();
        }
    }

    @Test
    void fenceAreaOverlappingJournals_isRefusedByMountAndFsck() throws Exception {
        MemoryBlockDevice dev = Images.formatted();
        Superblock sb = GfsMounter.readSuperblock(dev);
        Raw.edit(dev, 0, b -> b.putInt(204, sb.fenceBlocks() + 1));

        assertThatThrownBy(() -> GfsMounter.readSuperblock(dev)).isInstanceOf(CorruptionException.class)
                .hasMessageContaining("fence area");
        FsckReport r = fsck(dev, FsckMode.CHECK);
        assertThat(r.status()).isNotEqualTo(FsckStatus.CLEAN);
        assertThat(r.findings().get(0).format()).contains("fence area");
    }

    private static FsckReport fsck(BlockDevice dev, FsckMode mode) throws IOException {
        return Fsck.run(dev, mode, FsckProgress.NONE);
    }

    private static String dump(BlockDevice dev) throws IOException {
        StringWriter s = new StringWriter();
        Dump.open(dev).superblock(new PrintWriter(s));
        return s.toString();
    }

    private static byte[] area(BlockDevice dev, Superblock sb) throws IOException {
        ByteBuffer b = ByteBuffer.allocate((int) sb.fenceAreaBytes());
        dev.read(sb.fenceAreaOffset(), b);
        return b.array();
    }

    /** What a cluster's nodes leave in the area: a header and every slot written. */
    private static byte[] pattern(Superblock sb) {
        byte[] slots = new byte[(int) sb.fenceAreaBytes()];
        new Random(3).nextBytes(slots);
        return slots;
    }

    /** A device that notes every write overlapping the fence area (and lets it happen, to be seen later too). */
    private static final class AreaGuard implements BlockDevice {
        final List<String> intrusions = new ArrayList<>();
        private final BlockDevice inner;
        private final long start;
        private final long end;

        AreaGuard(BlockDevice inner, long start, long length) {
            this.inner = inner;
            this.start = start;
            this.end = start + length;
        }

        @Override
        public long size() {
            return inner.size();
        }

        @Override
        public void read(long offset, ByteBuffer dst) throws IOException {
            inner.read(offset, dst);
        }

        @Override
        public synchronized void write(long offset, ByteBuffer src) throws IOException {
            if (offset < end && offset + src.remaining() > start) {
                intrusions.add(src.remaining() + " bytes at " + offset);
            }
            inner.write(offset, src);
        }

        @Override
        public void flush() throws IOException {
            inner.flush();
        }

        @Override
        public void close() throws IOException {
            inner.close();
        }
    }
}
