package org.gfspnfs.gfs.dump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.gfspnfs.gfs.InvalidArgumentException;
import org.gfspnfs.gfs.device.MemoryBlockDevice;
import org.gfspnfs.gfs.format.DirEntryFormat;
import org.gfspnfs.gfs.format.Superblock;
import org.gfspnfs.gfs.fsck.Images;
import org.gfspnfs.gfs.fsck.Raw;
import org.junit.jupiter.api.Test;

/** dump shows each structure with the numbers an operator needs, and damaged blocks with what is wrong. */
class DumpTest {

    private interface Body {
        void print(Dump d, PrintWriter w) throws Exception;
    }

    private static String dump(MemoryBlockDevice dev, Body body) throws Exception {
        StringWriter s = new StringWriter();
        body.print(Dump.open(dev), new PrintWriter(s));
        return s.toString();
    }

    @Test
    void superblockAndRgrps_showGeometryCountsAndBitmapSummary() throws Exception {
        MemoryBlockDevice dev = Images.formatted();
        Superblock sb = Images.superblock(dev);

        String s = dump(dev, Dump::superblock);
        String r = dump(dev, Dump::rgrps);

        assertThat(s).contains("superblock (block 0): ok").contains("block size       1024")
                .contains("lock table       test:fs").contains("journals         2 x 256 blocks")
                .contains("root dinode      " + sb.rootDinode());
        assertThat(r).contains("bitmap: free 1022, used 0, unlinked 0, dinode 1")
                .contains("total free blocks (bitmaps)");
        assertThat(r.lines().filter(l -> l.contains("bitmap:")).count()).isEqualTo(sb.rgrpCount());
    }

    @Test
    void inode_showsAttributesIndirectBlocksAndExtents_includingUnwritten() throws Exception {
        MemoryBlockDevice dev = Images.formatted();
        Images.Tree t;
        long unw;
        try (Images.Mounted m = Images.mount(dev)) {
            t = Images.populate(m.fs());
            unw = m.fs().lookup(m.fs().root(), "unwritten").number();
        }

        String big = dump(dev, (d, w) -> d.inode(t.big().number(), w));
        String u = dump(dev, (d, w) -> d.inode(unw, w));
        String sym = dump(dev, (d, w) -> d.inode(t.link().number(), w));

        assertThat(big).contains("inode " + t.big().number() + " (block " + t.big().number() + "): ok")
                .contains("type REGULAR  mode 0644").contains("size 307200").contains("height 2")
                .contains("level 1 block").contains("written");
        assertThat(u).contains("unwritten");
        assertThat(sym).contains("symlink target: dir/small");
    }

    @Test
    void directory_listsEntriesWithHashesAndCookies_inCookieOrder() throws Exception {
        MemoryBlockDevice dev = Images.formatted();
        Images.Tree t;
        try (Images.Mounted m = Images.mount(dev)) {
            t = Images.populate(m.fs());
        }

        String many = dump(dev, (d, w) -> d.directory(t.hashed().number(), w));

        int h = DirEntryFormat.hash("entry-7".getBytes());
        assertThat(many).contains("hashed: table depth").contains("-> leaf").contains("200 entries listed")
                .contains(String.format("%08x", h)).contains(Long.toUnsignedString(DirEntryFormat.cookie(h, 3)));
        assertThat(many).doesNotContain("MISMATCH");
    }

    @Test
    void journal_showsCommitsHeadDescriptors_andDamage() throws Exception {
        MemoryBlockDevice dev = Images.formatted();
        Images.Mounted m = Images.mount(dev);
        m.fs().create(m.fs().root(), "x", 0644, 0, 0);
        m.fs().sync();
        MemoryBlockDevice crashed = Raw.copy(dev);
        m.locks().close();

        String j = dump(crashed, (d, w) -> d.journal(0, w));

        long first = Images.superblock(dev).journalBlock(0);
        assertThat(j).contains("journal 0: blocks " + first + ".." + (first + 255) + " (256 blocks), DIRTY").contains("<- head")
                .contains("METADATA descriptor").contains("CLEAN");
        Images.flip(crashed, 0, 150);
        assertThat(dump(crashed, Dump::superblock)).contains("CRC MISMATCH");
        assertThatThrownBy(() -> dump(crashed, (d, w) -> d.journal(5, w)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("journal 5 does not exist");
    }

    @Test
    void notAFilesystem_isRefusedClearly() {
        assertThatThrownBy(() -> Dump.open(new MemoryBlockDevice(1 << 16)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("no gfs-layout superblock");
    }
}
