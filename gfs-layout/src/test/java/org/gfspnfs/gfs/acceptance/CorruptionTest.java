package org.gfspnfs.gfs.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.gfspnfs.gfs.DirEntry;
import org.gfspnfs.gfs.FileSystem;
import org.gfspnfs.gfs.FileType;
import org.gfspnfs.gfs.GfsException;
import org.gfspnfs.gfs.InodeId;
import org.gfspnfs.gfs.Mkfs;
import org.gfspnfs.gfs.MkfsOptions;
import org.gfspnfs.gfs.device.MemoryBlockDevice;
import org.gfspnfs.gfs.format.DinodeBlock;
import org.gfspnfs.gfs.format.Meta;
import org.gfspnfs.gfs.format.MetaType;
import org.gfspnfs.gfs.format.Superblock;
import org.gfspnfs.gfs.fsck.Finding;
import org.gfspnfs.gfs.fsck.Fsck;
import org.gfspnfs.gfs.fsck.FsckMode;
import org.gfspnfs.gfs.fsck.FsckProgress;
import org.gfspnfs.gfs.fsck.FsckReport;
import org.gfspnfs.gfs.fsck.FsckStatus;
import org.gfspnfs.gfs.fsck.Images;
import org.gfspnfs.gfs.fsck.JournalScan;
import org.gfspnfs.gfs.fsck.Raw;
import org.gfspnfs.gfs.fsck.Structure;
import org.junit.jupiter.api.Test;

/**
 * Flipped bytes in every kind of metadata block: fsck reports the block and its structure, a mount either refuses
 * with a clear error or works (operations on the damage fail with EIO), fsck -y repairs, and the repaired image
 * checks clean and mounts. Nothing hangs (each case has a deadline) and nothing throws past the API.
 */
class CorruptionTest {
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    private record Target(String what, long block, Structure structure) {
    }

    @Test
    void superblock_labelByte_isReported_mountRefuses_repairReseals() throws Exception {
        MemoryBlockDevice dev = populated();
        Images.flip(dev, 0, 130);
        FsckReport after = damageAndRepair(dev, new Target("superblock label", 0, Structure.SUPERBLOCK), true);
        assertThat(after.status()).isEqualTo(FsckStatus.CLEAN);
    }

    @Test
    void superblock_geometryByte_isReported_andLeftUncorrected_mountRefuses() throws Exception {
        MemoryBlockDevice dev = populated();
        Images.flip(dev, 0, 183);
        assertTimeoutPreemptively(DEADLINE, () -> {
            FsckReport n = Fsck.run(dev, FsckMode.CHECK, FsckProgress.NONE);
            assertNamed(n, new Target("superblock", 0, Structure.SUPERBLOCK));
            assertMountRefusesOrCopes(dev);
            FsckReport y = Fsck.run(dev, FsckMode.REPAIR, FsckProgress.NONE);
            assertThat(y.status()).isEqualTo(FsckStatus.UNCORRECTED);
            assertThat(y.exitCode()).isEqualTo(4);
        });
    }

    @Test
    void everyMetadataStructure_flippedAtSeveralOffsets_isFoundAndRepaired() throws Exception {
        List<Target> targets = targets();
        assertThat(targets).extracting(Target::structure).contains(Structure.RGRP_HEADER, Structure.DINODE,
                Structure.INDIRECT, Structure.DIR_TABLE, Structure.DIR_LEAF, Structure.JOURNAL);
        for (Target t : targets) {
            for (int off : new int[] {3, 17, 40, 200, Images.BS - 1}) {
                MemoryBlockDevice dev = populated();
                Images.flip(dev, t.block(), off);
                damageAndRepair(dev, t, t.structure() != Structure.JOURNAL);
            }
        }
    }

    @Test
    void rgrpBitmapContinuationBlock_isFoundAndRebuilt() throws Exception {
        MemoryBlockDevice dev = new MemoryBlockDevice(8 << 20);
        Superblock sb = Mkfs.format(dev, new MkfsOptions(1024, 1, 64, 7000, "t:f", "", new UUID(3, 3)));
        try (Images.Mounted m = Images.mount(dev)) {
            Images.populate(m.fs());
        }
        long rb = sb.rgrpAddress(0) + 1;
        assertThat(Meta.typeOf(Raw.read(dev, rb))).isEqualTo(MetaType.RB);
        Images.flip(dev, rb, 500);
        damageAndRepair(dev, new Target("bitmap continuation", rb, Structure.RGRP_BITMAP), true);
    }

    @Test
    void dirtyJournal_descriptorFlipped_headTransactionDiscarded_filesystemStillConsistent() throws Exception {
        MemoryBlockDevice dev = populated();
        Images.Mounted m = Images.mount(dev);
        m.fs().create(m.fs().root(), "late", 0644, 0, 0);
        m.fs().sync();
        MemoryBlockDevice crashed = Raw.copy(dev);
        m.locks().close();
        Superblock sb = Images.superblock(crashed);
        JournalScan.Result r = JournalScan.scan(crashed, sb, 0);
        assertThat(r.clean()).isFalse();
        long ld = r.firstBlock() + r.head().header().startPos();
        assertThat(Meta.typeOf(Raw.read(crashed, ld))).isEqualTo(MetaType.LD);
        Images.flip(crashed, ld, 60);
        assertTimeoutPreemptively(DEADLINE, () -> {
            FsckReport n = Fsck.run(crashed, FsckMode.CHECK, FsckProgress.NONE);
            assertThat(n.findings()).as(text(n)).anySatisfy(f -> {
                assertThat(f.block()).isEqualTo(ld);
                assertThat(f.structure()).isEqualTo(Structure.JOURNAL);
                assertThat(f.problem()).contains("fails its body checksum");
            });
            FsckReport y = Fsck.run(crashed, FsckMode.REPAIR, FsckProgress.NONE);
            assertThat(y.status()).as(text(y)).isNotEqualTo(FsckStatus.UNCORRECTED);
            assertThat(Fsck.run(crashed, FsckMode.CHECK, FsckProgress.NONE).errors()).isEmpty();
            try (Images.Mounted again = Images.mount(crashed)) {
                walk(again.fs(), again.fs().root(), 0);
            }
        });
    }

    @Test
    void randomFlipsInRandomMetadataBlocks_neverHangOrCrash_andRepairConverges() throws Exception {
        MemoryBlockDevice pristine = populated();
        Superblock sb = Images.superblock(pristine);
        List<Long> meta = new ArrayList<>();
        for (long b = 1; b < sb.totalBlocks(); b++) {
            if (Meta.typeOf(Raw.read(pristine, b)) != null) {
                meta.add(b);
            }
        }
        Random rnd = new Random(99);
        for (int i = 0; i < 60; i++) {
            MemoryBlockDevice dev = Raw.copy(pristine);
            int flips = 1 + rnd.nextInt(3);
            for (int k = 0; k < flips; k++) {
                Images.flip(dev, meta.get(rnd.nextInt(meta.size())), rnd.nextInt(Images.BS));
            }
            assertTimeoutPreemptively(DEADLINE, () -> {
                FsckReport n = Fsck.run(dev, FsckMode.CHECK, FsckProgress.NONE);
                assertThat(n.status()).as(text(n)).isNotEqualTo(FsckStatus.OPERATIONAL_ERROR);
                assertMountRefusesOrCopes(dev);
                FsckReport y = Fsck.run(dev, FsckMode.REPAIR, FsckProgress.NONE);
                assertThat(y.status()).as(text(y)).isNotEqualTo(FsckStatus.OPERATIONAL_ERROR);
                FsckReport again = Fsck.run(dev, FsckMode.CHECK, FsckProgress.NONE);
                assertThat(again.errors()).as("after repair: " + text(again) + "\nrepair was:\n" + text(y))
                        .isEmpty();
                try (Images.Mounted m = Images.mount(dev)) {
                    walk(m.fs(), m.fs().root(), 0);
                }
            });
        }
    }

    @Test
    void resealedGarbageFields_pointersAndCountsUntrusted_neverHangOrCrash_andRepairConverges() throws Exception {
        MemoryBlockDevice pristine = populated();
        Superblock sb = Images.superblock(pristine);
        List<Long> meta = new ArrayList<>();
        for (long b = sb.rgrpStart(); b < sb.totalBlocks(); b++) {
            if (Meta.typeOf(Raw.read(pristine, b)) != null) {
                meta.add(b);
            }
        }
        Random rnd = new Random(2026);
        for (int i = 0; i < 150; i++) {
            MemoryBlockDevice dev = Raw.copy(pristine);
            long block = meta.get(rnd.nextInt(meta.size()));
            int changes = 1 + rnd.nextInt(8);
            // Valid checksums over nonsense: only the semantic checks stand between fsck and the garbage.
            Raw.edit(dev, block, b -> {
                for (int k = 0; k < changes; k++) {
                    int at = Meta.HEADER_SIZE + rnd.nextInt(Images.BS - Meta.HEADER_SIZE);
                    b.put(at, (byte) rnd.nextInt(256));
                }
                if (rnd.nextBoolean()) {
                    b.putLong(Meta.HEADER_SIZE + 8 * rnd.nextInt((Images.BS - Meta.HEADER_SIZE) / 8),
                            rnd.nextBoolean() ? rnd.nextLong() : rnd.nextInt((int) sb.totalBlocks()));
                }
            });
            String what = "block " + block + " (" + Meta.typeOf(Raw.read(pristine, block)) + "), case " + i;
            assertTimeoutPreemptively(DEADLINE, () -> {
                FsckReport n = Fsck.run(dev, FsckMode.CHECK, FsckProgress.NONE);
                assertThat(n.status()).as(what + ": " + text(n)).isNotEqualTo(FsckStatus.OPERATIONAL_ERROR);
                // How a mount copes with checksum-valid nonsense is pinned case by case in CoreRobustnessTest;
                // here fsck must find it and make the image mountable.
                FsckReport y = Fsck.run(dev, FsckMode.REPAIR, FsckProgress.NONE);
                assertThat(y.status()).as(what + ": " + text(y)).isNotEqualTo(FsckStatus.OPERATIONAL_ERROR);
                FsckReport again = Fsck.run(dev, FsckMode.CHECK, FsckProgress.NONE);
                assertThat(again.errors()).as(what + " after repair: " + text(again) + "\nrepair was:\n" + text(y))
                        .isEmpty();
                try (Images.Mounted m = Images.mount(dev)) {
                    walk(m.fs(), m.fs().root(), 0);
                }
            });
        }
    }

    private static FsckReport damageAndRepair(MemoryBlockDevice dev, Target t, boolean isError) {
        return assertTimeoutPreemptively(DEADLINE, () -> {
            FsckReport n = Fsck.run(dev, FsckMode.CHECK, FsckProgress.NONE);
            assertNamed(n, t);
            if (isError) {
                assertThat(n.status()).as(t.what() + ": " + text(n)).isEqualTo(FsckStatus.UNCORRECTED);
            }
            assertMountRefusesOrCopes(dev);
            FsckReport y = Fsck.run(dev, FsckMode.REPAIR, FsckProgress.NONE);
            assertThat(y.status()).as(t.what() + ": " + text(y))
                    .isEqualTo(isError ? FsckStatus.CORRECTED : FsckStatus.CLEAN);
            FsckReport again = Fsck.run(dev, FsckMode.CHECK, FsckProgress.NONE);
            assertThat(again.findings()).as(t.what() + " after repair: " + text(again)).isEmpty();
            try (Images.Mounted m = Images.mount(dev)) {
                walk(m.fs(), m.fs().root(), 0);
                m.fs().create(m.fs().root(), "after-repair", 0644, 0, 0);
            }
            return again;
        });
    }

    private static void assertNamed(FsckReport n, Target t) {
        assertThat(n.findings()).as(t.what() + " at block " + t.block() + ": " + text(n)).anySatisfy(f -> {
            assertThat(f.block()).isEqualTo(t.block());
            assertThat(f.structure()).isEqualTo(t.structure());
        });
    }

    /** A mount refuses with a GfsException that says what is wrong, or mounts and reports damage as EIO. */
    private static void assertMountRefusesOrCopes(MemoryBlockDevice damaged) throws Exception {
        MemoryBlockDevice dev = Raw.copy(damaged);
        Images.Mounted m;
        try {
            m = Images.mount(dev);
        } catch (GfsException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        try {
            walk(m.fs(), m.fs().root(), 0);
        } catch (GfsException e) {
            assertThat(e.getMessage()).isNotBlank();
        } finally {
            try {
                m.close();
            } catch (GfsException e) {
                assertThat(e.getMessage()).isNotBlank();
            }
        }
    }

    /** Reads every directory and every file below {@code dir}. */
    private static void walk(FileSystem fs, InodeId dir, int depth) throws GfsException {
        long cookie = 0;
        boolean eof = false;
        while (!eof) {
            var l = fs.readdir(dir, cookie, 64);
            for (DirEntry e : l.entries()) {
                cookie = e.cookie();
                if (e.type() == FileType.DIRECTORY && depth < 8) {
                    walk(fs, e.id(), depth + 1);
                } else if (e.type() == FileType.REGULAR) {
                    ByteBuffer b = ByteBuffer.allocate((int) Math.min(fs.getattr(e.id()).size(), 1 << 20));
                    fs.read(e.id(), 0, b);
                }
            }
            eof = l.eof() || l.entries().isEmpty();
        }
    }

    private static MemoryBlockDevice populated() throws Exception {
        MemoryBlockDevice dev = Images.formatted();
        try (Images.Mounted m = Images.mount(dev)) {
            Images.populate(m.fs());
        }
        return dev;
    }

    /** One block of each structure in the populated image. */
    private static List<Target> targets() throws Exception {
        MemoryBlockDevice dev = Images.formatted();
        Images.Tree t;
        try (Images.Mounted m = Images.mount(dev)) {
            t = Images.populate(m.fs());
        }
        Superblock sb = Images.superblock(dev);
        List<Target> out = new ArrayList<>();
        out.add(new Target("rgrp 0 header", sb.rgrpAddress(0), Structure.RGRP_HEADER));
        out.add(new Target("rgrp 1 header", sb.rgrpAddress(1), Structure.RGRP_HEADER));
        out.add(new Target("regular file dinode", t.big().number(), Structure.DINODE));
        out.add(new Target("directory dinode", t.dir().number(), Structure.DINODE));
        long ind = ByteBuffer.wrap(Raw.read(dev, t.big().number())).getLong(DinodeBlock.CONTENT);
        assertThat(Meta.typeOf(Raw.read(dev, ind))).isEqualTo(MetaType.IN);
        out.add(new Target("indirect block", ind, Structure.INDIRECT));
        byte[] many = Raw.read(dev, t.hashed().number());
        long jd = ByteBuffer.wrap(many).getLong(DinodeBlock.CONTENT);
        assertThat(Meta.typeOf(Raw.read(dev, jd))).isEqualTo(MetaType.JD);
        out.add(new Target("directory hash table", jd, Structure.DIR_TABLE));
        long leaf = ByteBuffer.wrap(Raw.read(dev, jd)).getLong(Meta.HEADER_SIZE);
        assertThat(Meta.typeOf(Raw.read(dev, leaf))).isEqualTo(MetaType.LF);
        out.add(new Target("directory leaf", leaf, Structure.DIR_LEAF));
        JournalScan.Result j = JournalScan.scan(dev, sb, 0);
        out.add(new Target("clean journal head", j.head().block(), Structure.JOURNAL));
        return out;
    }

    private static String text(FsckReport r) {
        StringBuilder sb = new StringBuilder();
        for (Finding f : r.findings()) {
            sb.append(f.format()).append('\n');
        }
        return sb.toString();
    }
}
