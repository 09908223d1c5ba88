package org.gfspnfs.gfs.fsck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import org.gfspnfs.gfs.FileSystem;
import org.gfspnfs.gfs.InodeHold;
import org.gfspnfs.gfs.InodeId;
import org.gfspnfs.gfs.device.MemoryBlockDevice;
import org.gfspnfs.gfs.format.DinodeBlock;
import org.gfspnfs.gfs.format.RgrpGeometry;
import org.gfspnfs.gfs.format.Superblock;
import org.junit.jupiter.api.Test;

/** fsck against damage of known shape: each finding names its block and structure, repair makes it clean. */
class FsckTest {

    private static String text(FsckReport r) {
        StringBuilder sb = new StringBuilder();
        r.findings().forEach(f -> sb.append(f.format()).append('\n'));
        return sb.toString();
    }

    private static MemoryBlockDevice populated(Images.Tree[] tree) throws Exception {
        MemoryBlockDevice dev = Images.formatted();
        try (Images.Mounted m = Images.mount(dev)) {
            tree[0] = Images.populate(m.fs());
        }
        return dev;
    }

    private static void assertRepairedThenClean(MemoryBlockDevice dev) throws Exception {
        FsckReport fix = Fsck.run(dev, FsckMode.REPAIR, FsckProgress.NONE);
        assertThat(fix.status()).as(text(fix)).isEqualTo(FsckStatus.CORRECTED);
        FsckReport again = Fsck.run(dev, FsckMode.CHECK, FsckProgress.NONE);
        assertThat(again.findings()).as(text(again)).isEmpty();
        try (Images.Mounted m = Images.mount(dev)) {
            assertThat(m.fs().readdir(m.fs().root(), 0, 100).entries()).isNotEmpty();
        }
    }

    @Test
    void freshAndPopulatedImages_areClean_inBothModes() throws Exception {
        MemoryBlockDevice dev = Images.formatted();
        assertThat(Fsck.run(dev, FsckMode.CHECK, FsckProgress.NONE).findings()).isEmpty();
        Images.Tree[] t = new Images.Tree[1];
        dev = populated(t);
        byte[] before = dev.snapshot();
        FsckReport r = Fsck.run(dev, FsckMode.CHECK, FsckProgress.NONE);
        assertThat(r.findings()).as(text(r)).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.inodes()).isGreaterThan(200);
        assertThat(r.directories()).isEqualTo(4);
        FsckReport y = Fsck.run(dev, FsckMode.REPAIR, FsckProgress.NONE);
        assertThat(y.findings()).isEmpty();
        assertThat(dev.snapshot()).isEqualTo(before);
    }

    @Test
    void wrongLinkCount_isReportedAtTheDinode_andCorrected() throws Exception {
        Images.Tree[] t = new Images.Tree[1];
        MemoryBlockDevice dev = populated(t);
        long small = t[0].small().number();
        Raw.edit(dev, small, b -> b.putInt(52, 7));

        FsckReport r = Fsck.run(dev, FsckMode.CHECK, FsckProgress.NONE);

        assertThat(r.status()).isEqualTo(FsckStatus.UNCORRECTED);
        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.errors()).singleElement().satisfies(f -> {
            assertThat(f.block()).isEqualTo(small);
            assertThat(f.structure()).isEqualTo(Structure.DINODE);
            assertThat(f.problem()).contains("link count 7, but 2 entries name it");
        });
        assertRepairedThenClean(dev);
        try (Images.Mounted m = Images.mount(dev)) {
            assertThat(m.fs().getattr(t[0].small()).nlink()).isEqualTo(2);
        }
    }

    @Test
    void blockMarkedUsedButUnreachable_andReachableBlockMarkedFree_areBothFound() throws Exception {
        Images.Tree[] t = new Images.Tree[1];
        MemoryBlockDevice dev = populated(t);
        Superblock sb = Images.superblock(dev);
        long header = sb.rgrpAddress(0);
        long dataStart = header + 1;
        byte[] bitmap = Raw.read(dev, header);
        long free = -1;
        for (long j = sb.rgrpLength(0) - 2; j >= 0 && free < 0; j--) {
            if (RgrpGeometry.get(bitmap, Images.BS, j) == org.gfspnfs.gfs.format.BlockState.FREE) {
                free = dataStart + j;
            }
        }
        long last = free;
        assertThat(last).as("a free block in resource group 0").isPositive();
        long bigData;
        try (Images.Mounted m = Images.mount(dev)) {
            bigData = m.fs().mapRange(t[0].big(), 0, 1).get(0).deviceOffset() / Images.BS;
        }
        Raw.edit(dev, header, b -> {
            RgrpGeometry.set(b.array(), Images.BS, last - dataStart, org.gfspnfs.gfs.format.BlockState.USED);
            RgrpGeometry.set(b.array(), Images.BS, bigData - dataStart, org.gfspnfs.gfs.format.BlockState.FREE);
        });

        FsckReport r = Fsck.run(dev, FsckMode.CHECK, FsckProgress.NONE);

        assertThat(text(r)).contains("block " + last + " (resource group bitmap): marked data/metadata in the "
                + "bitmap but nothing reachable uses it")
                .contains("block " + bigData + " (resource group bitmap): in use as data/metadata but marked free");
        assertThat(r.status()).isEqualTo(FsckStatus.UNCORRECTED);
        assertRepairedThenClean(dev);
    }

    @Test
    void entryPointingAtADataBlock_isRemoved_andTheLinkCountFollows() throws Exception {
        Images.Tree[] t = new Images.Tree[1];
        MemoryBlockDevice dev = populated(t);
        long bigData;
        try (Images.Mounted m = Images.mount(dev)) {
            bigData = m.fs().mapRange(t[0].big(), 0, 1).get(0).deviceOffset() / Images.BS;
        }
        long dir = t[0].dir().number();
        // The directory "dir" is stuffed: its first entry starts at the content area.
        Raw.edit(dev, dir, b -> b.putLong(DinodeBlock.CONTENT + 8, bigData));

        FsckReport r = Fsck.run(dev, FsckMode.CHECK, FsckProgress.NONE);

        assertThat(r.errors()).anySatisfy(f -> {
            assertThat(f.block()).isEqualTo(dir);
            assertThat(f.structure()).isEqualTo(Structure.DIR_ENTRY);
            assertThat(f.problem()).contains("points at block " + bigData);
        });
        assertRepairedThenClean(dev);
    }

    @Test
    void fileWhoseOnlyEntryIsLost_isReconnectedUnderLostAndFound_withItsData() throws Exception {
        MemoryBlockDevice dev = Images.formatted();
        InodeId f;
        byte[] data = new byte[50_000];
        new Random(11).nextBytes(data);
        try (Images.Mounted m = Images.mount(dev)) {
            FileSystem fs = m.fs();
            InodeId d = fs.mkdir(fs.root(), "d", 0755, 0, 0).id();
            f = fs.create(d, "precious", 0644, 0, 0).id();
            fs.write(f, 0, ByteBuffer.wrap(data));
        }
        long dir;
        try (Images.Mounted m = Images.mount(dev)) {
            dir = m.fs().lookup(m.fs().root(), "d").number();
        }
        // The directory forgets its only entry (entry count 0): the file is reachable from nowhere.
        Raw.edit(dev, dir, b -> b.putInt(132, 0));

        FsckReport n = Fsck.run(dev, FsckMode.CHECK, FsckProgress.NONE);
        assertThat(n.errors()).anySatisfy(x -> {
            assertThat(x.block()).isEqualTo(f.number());
            assertThat(x.problem()).contains("is not reachable from the root");
        });
        FsckReport y = Fsck.run(dev, FsckMode.REPAIR, FsckProgress.NONE);

        assertThat(y.status()).as(text(y)).isEqualTo(FsckStatus.CORRECTED);
        assertThat(text(y)).contains("reconnected as /lost+found/#" + f.number()).contains("created /lost+found");
        FsckReport again = Fsck.run(dev, FsckMode.CHECK, FsckProgress.NONE);
        assertThat(again.findings()).as(text(again)).isEmpty();
        try (Images.Mounted m = Images.mount(dev)) {
            FileSystem fs = m.fs();
            InodeId lf = fs.lookup(fs.root(), "lost+found");
            assertThat(fs.lookup(lf, "#" + f.number())).isEqualTo(f);
            assertThat(fs.getattr(f).nlink()).isEqualTo(1);
            ByteBuffer back = ByteBuffer.allocate(data.length);
            fs.read(f, 0, back);
            assertThat(back.array()).isEqualTo(data);
        }
    }

    @Test
    void lostLeafOfAHashedDirectory_itsInodesEndUpUnderLostAndFound_orFreed_andTheImageIsClean() throws Exception {
        Images.Tree[] t = new Images.Tree[1];
        MemoryBlockDevice dev = populated(t);
        byte[] many = Raw.read(dev, t[0].hashed().number());
        long jd = ByteBuffer.wrap(many).getLong(DinodeBlock.CONTENT);
        long leaf = ByteBuffer.wrap(Raw.read(dev, jd)).getLong(org.gfspnfs.gfs.format.Meta.HEADER_SIZE);
        Images.flip(dev, leaf, 100);

        FsckReport y = Fsck.run(dev, FsckMode.REPAIR, FsckProgress.NONE);

        assertThat(y.status()).as(text(y)).isEqualTo(FsckStatus.CORRECTED);
        long reconnected = y.findings().stream().filter(x -> x.problem().startsWith("reconnected as")).count();
        assertThat(reconnected).as(text(y)).isPositive();
        assertThat(Fsck.run(dev, FsckMode.CHECK, FsckProgress.NONE).findings()).isEmpty();
        try (Images.Mounted m = Images.mount(dev)) {
            InodeId lf = m.fs().lookup(m.fs().root(), "lost+found");
            assertThat(m.fs().readdir(lf, 0, 1000).entries()).hasSize((int) reconnected);
        }
    }

    @Test
    void unlinkedInodeHeldAtCrash_isAnOrphan_notAnError_andRepairFreesIt() throws Exception {
        MemoryBlockDevice dev = Images.formatted();
        Images.Mounted m = Images.mount(dev);
        FileSystem fs = m.fs();
        InodeId f = fs.create(fs.root(), "held", 0644, 0, 0).id();
        fs.write(f, 0, ByteBuffer.wrap(new byte[20_000]));
        InodeHold hold = fs.open(f);
        fs.unlink(fs.root(), "held");
        fs.sync();
        MemoryBlockDevice crashed = Raw.copy(dev);
        hold.close();
        m.close();
        long free = freeBlocks(dev);

        FsckReport r = Fsck.run(crashed, FsckMode.CHECK, FsckProgress.NONE);

        assertThat(r.status()).as(text(r)).isEqualTo(FsckStatus.CLEAN);
        assertThat(r.findings()).anySatisfy(x -> {
            assertThat(x.block()).isEqualTo(f.number());
            assertThat(x.severity()).isEqualTo(Finding.Severity.NOTE);
            assertThat(x.problem()).contains("orphan");
        });
        FsckReport y = Fsck.run(crashed, FsckMode.REPAIR, FsckProgress.NONE);
        assertThat(y.status()).as(text(y)).isEqualTo(FsckStatus.CLEAN);
        assertThat(Fsck.run(crashed, FsckMode.CHECK, FsckProgress.NONE).findings()).isEmpty();
        assertThat(freeBlocks(crashed)).isEqualTo(free);
    }

    @Test
    void dirtyJournal_checkReplaysInMemoryOnly_repairReplaysOnDisk() throws Exception {
        MemoryBlockDevice dev = Images.formatted();
        Images.Mounted m = Images.mount(dev);
        InodeId f = m.fs().create(m.fs().root(), "a", 0644, 0, 0).id();
        m.fs().write(f, 0, ByteBuffer.wrap(new byte[5000]));
        m.fs().mkdir(m.fs().root(), "d", 0755, 0, 0);
        m.fs().sync();
        MemoryBlockDevice crashed = Raw.copy(dev);
        m.locks().close();
        byte[] before = crashed.snapshot();

        FsckReport r = Fsck.run(crashed, FsckMode.CHECK, FsckProgress.NONE);

        assertThat(r.status()).as(text(r)).isEqualTo(FsckStatus.CLEAN);
        assertThat(text(r)).contains("(journal): journal 0 is dirty");
        assertThat(crashed.snapshot()).isEqualTo(before);
        FsckReport y = Fsck.run(crashed, FsckMode.REPAIR, FsckProgress.NONE);
        assertThat(y.status()).isEqualTo(FsckStatus.CLEAN);
        assertThat(Fsck.run(crashed, FsckMode.CHECK, FsckProgress.NONE).findings()).isEmpty();
        try (Images.Mounted again = Images.mount(crashed)) {
            assertThat(again.fs().getattr(again.fs().lookup(again.fs().root(), "a")).size()).isEqualTo(5000);
        }
    }

    @Test
    void notAFilesystem_isReportedUncorrected_neverThrown() throws Exception {
        MemoryBlockDevice dev = new MemoryBlockDevice(1 << 20);
        byte[] junk = new byte[1 << 20];
        new Random(3).nextBytes(junk);
        dev.write(0, ByteBuffer.wrap(junk));

        FsckReport r = Fsck.run(dev, FsckMode.REPAIR, FsckProgress.NONE);

        assertThat(r.status()).isEqualTo(FsckStatus.UNCORRECTED);
        assertThat(r.errors()).singleElement().satisfies(f -> {
            assertThat(f.block()).isZero();
            assertThat(f.structure()).isEqualTo(Structure.SUPERBLOCK);
        });
    }

    @Test
    void validSuperblockOverGarbage_isReported_thenRebuiltIntoAnEmptyMountableFilesystem() throws Exception {
        MemoryBlockDevice dev = Images.formatted();
        Superblock sb = Images.superblock(dev);
        byte[] junk = new byte[(int) dev.size()];
        new Random(5).nextBytes(junk);
        dev.write(Images.BS, ByteBuffer.wrap(junk, Images.BS, junk.length - Images.BS));

        FsckReport n = Fsck.run(dev, FsckMode.CHECK, FsckProgress.NONE);
        FsckReport y = Fsck.run(dev, FsckMode.REPAIR, FsckProgress.NONE);

        assertThat(n.status()).isEqualTo(FsckStatus.UNCORRECTED);
        assertThat(n.errors()).anySatisfy(f -> {
            assertThat(f.block()).isEqualTo(sb.rootDinode());
            assertThat(f.problem()).startsWith("root directory");
        });
        assertThat(y.status()).as(text(y)).isEqualTo(FsckStatus.CORRECTED);
        assertThat(Fsck.run(dev, FsckMode.CHECK, FsckProgress.NONE).findings()).isEmpty();
        try (Images.Mounted m = Images.mount(dev)) {
            assertThat(m.fs().readdir(m.fs().root(), 0, 10).entries()).isEmpty();
            m.fs().create(m.fs().root(), "new life", 0644, 0, 0);
        }
    }

    private static long freeBlocks(MemoryBlockDevice dev) throws Exception {
        try (Images.Mounted m = Images.mount(Raw.copy(dev))) {
            return m.fs().statfs().freeBlocks();
        }
    }
}
