package org.gfspnfs.gfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.gfspnfs.gfs.device.FileBlockDevice;
import org.gfspnfs.gfs.lock.LocalLockModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two "nodes" (mounts with journals 0 and 1) on one image file, coordinated by the local lock module. */
class TwoNodeTest {
    @TempDir
    Path tmp;

    @Test
    void fileCreatedOnOneNode_isVisibleAndReadableOnTheOther() throws Exception {
        onTwoNodes((a, b) -> {
            InodeId f = a.create(a.root(), "shared", 0644, 0, 0).id();
            a.write(f, 0, ByteBuffer.wrap("from A".getBytes(StandardCharsets.UTF_8)));
            assertThat(b.lookup(b.root(), "shared")).isEqualTo(f);
            ByteBuffer buf = ByteBuffer.allocate(16);
            assertThat(b.read(f, 0, buf)).isEqualTo(6);
            b.write(f, 6, ByteBuffer.wrap(" and B".getBytes(StandardCharsets.UTF_8)));
            ByteBuffer back = ByteBuffer.allocate(32);
            int n = a.read(f, 0, back);
            assertThat(new String(back.array(), 0, n, StandardCharsets.UTF_8)).isEqualTo("from A and B");
            b.unlink(b.root(), "shared");
            assertThat(a.readdir(a.root(), 0, 10).entries()).isEmpty();
            b.sync();
            FsStat viaA = a.statfs();
            long demotes = a.stats().glockDemotes() + b.stats().glockDemotes();
            assertThat(b.statfs()).isEqualTo(viaA);
            assertThat(a.statfs()).isEqualTo(viaA);
            assertThat(a.stats().glockDemotes() + b.stats().glockDemotes())
                    .as("statfs reads counts without pulling resource groups around").isEqualTo(demotes);
        });
    }

    @Test
    void getattrsOfAPage_afterTheOtherNodeChangedEntries_returnsTheirNewAttributes() throws Exception {
        onTwoNodes((a, b) -> {
            InodeId dir = a.mkdir(a.root(), "page", 0755, 0, 0).id();
            List<InodeId> ids = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                ids.add(a.create(dir, "f" + i, 0644, 0, 0).id());
            }
            List<FileAttributes> before = a.getattrs(ids);   // every dinode and glock now cached on node A
            assertThat(before).allSatisfy(x -> assertThat(x.size()).isZero());

            b.write(ids.get(3), 0, ByteBuffer.wrap(new byte[500]));
            b.setattr(ids.get(5), SetAttributes.NONE.withMode(0600));
            b.unlink(dir, "f7");

            List<FileAttributes> after = a.getattrs(ids);
            assertThat(after.get(3).size()).as("written on node B").isEqualTo(500);
            assertThat(after.get(5).mode()).as("chmod on node B").isEqualTo(0600);
            assertThat(after.get(7)).as("removed on node B").isNull();
            assertThat(after.get(4)).as("untouched").isEqualTo(before.get(4));
            for (int i = 0; i < ids.size(); i++) {
                if (i != 7) {
                    assertThat(after.get(i)).as("f" + i + " as node B sees it").isEqualTo(b.getattr(ids.get(i)));
                }
            }
            // Node A holds those glocks again: what it decoded before giving them up must not come back.
            assertThat(a.getattrs(ids)).as("listed again on node A").isEqualTo(after);
            b.setattr(ids.get(5), SetAttributes.NONE.withMode(0640));
            a.getattrs(ids);
            assertThat(a.getattrs(ids).get(5).mode()).as("changed on node B once more").isEqualTo(0640);
        });
    }

    @Test
    void concurrentCreatesInOneDirectory_fromTwoNodes_allLandExactlyOnce() throws Exception {
        int perNode = 150;
        try (LocalLockModule locks = new LocalLockModule();
             FileBlockDevice dev = FileBlockDevice.create(tmp.resolve("img"), 32 << 20)) {
            Mkfs.format(dev, TestImages.small(1024).withRgrpBlocks(1024));
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try (FileSystem a = FileSystems.mount(dev, MountOptions.of(0, locks));
                 FileSystem b = FileSystems.mount(dev, MountOptions.of(1, locks))) {
                InodeId dir = a.mkdir(a.root(), "common", 0755, 0, 0).id();
                Future<?> fa = pool.submit(() -> createMany(a, dir, "a", perNode));
                Future<?> fb = pool.submit(() -> createMany(b, dir, "b", perNode));
                fa.get(120, TimeUnit.SECONDS);
                fb.get(120, TimeUnit.SECONDS);
                assertThat(names(a, dir)).hasSize(2 * perNode).isEqualTo(names(b, dir));
                for (int i = 0; i < perNode; i++) {
                    assertThat(b.getattr(b.lookup(dir, "a" + i)).type()).isEqualTo(FileType.REGULAR);
                }
                assertThat(a.stats().glockDemotes() + b.stats().glockDemotes())
                        .as("the directory glock moved between the nodes").isPositive();
            } finally {
                pool.shutdownNow();
            }
            try (FileSystem again = FileSystems.mount(dev, MountOptions.of(0, locks))) {
                InodeId dir = again.lookup(again.root(), "common");
                assertThat(names(again, dir)).hasSize(2 * perNode);
            }
        }
    }

    private static Void createMany(FileSystem fs, InodeId dir, String prefix, int n) throws GfsException {
        for (int i = 0; i < n; i++) {
            fs.create(dir, prefix + i, 0644, 0, 0);
        }
        return null;
    }

    static Set<String> names(FileSystem fs, InodeId dir) throws GfsException {
        Set<String> out = new HashSet<>();
        long cookie = 0;
        while (true) {
            DirListing l = fs.readdir(dir, cookie, 7);
            List<DirEntry> es = l.entries();
            for (DirEntry e : es) {
                assertThat(out.add(e.name())).as("listed once: " + e.name()).isTrue();
                cookie = e.cookie();
            }
            if (l.eof()) {
                return out;
            }
        }
    }

    /** Two mounts of one image (journals 0 and 1, 4 KiB blocks, 512-block resource groups) and one lock module. */
    private void onTwoNodes(TwoNodes body) throws Exception {
        try (LocalLockModule locks = new LocalLockModule();
             FileBlockDevice dev = FileBlockDevice.create(tmp.resolve("img"), 32 << 20)) {
            Mkfs.format(dev, TestImages.small(4096).withRgrpBlocks(512));
            try (FileSystem a = FileSystems.mount(dev, MountOptions.of(0, locks));
                 FileSystem b = FileSystems.mount(dev, MountOptions.of(1, locks))) {
                body.run(a, b);
            }
        }
    }

    private interface TwoNodes {
        void run(FileSystem a, FileSystem b) throws Exception;
    }
}
