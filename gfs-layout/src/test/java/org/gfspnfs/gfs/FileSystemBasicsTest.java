package org.gfspnfs.gfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.gfspnfs.gfs.device.MemoryBlockDevice;
import org.gfspnfs.gfs.lock.LocalLockModule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FileSystemBasicsTest {
    private final LocalLockModule locks = new LocalLockModule();

    @AfterEach
    void closeLocks() {
        locks.close();
    }

    @Test
    void createWriteRead_survivesRemount() throws Exception {
        MemoryBlockDevice dev = TestImages.formatted(8 << 20, TestImages.small(4096));
        InodeId file;
        try (FileSystem fs = TestImages.mount(dev, 0, locks)) {
            file = fs.create(fs.root(), "hello.txt", 0644, 10, 20).id();
            fs.write(file, 0, ByteBuffer.wrap("hello world".getBytes(StandardCharsets.UTF_8)));
            fs.mkdir(fs.root(), "sub", 0755, 0, 0);
        }
        try (FileSystem fs = TestImages.mount(dev, 0, locks)) {
            assertThat(fs.lookup(fs.root(), "hello.txt")).isEqualTo(file);
            FileAttributes a = fs.getattr(file);
            assertThat(a.size()).isEqualTo(11);
            assertThat(a.uid()).isEqualTo(10);
            ByteBuffer buf = ByteBuffer.allocate(100);
            assertThat(fs.read(file, 0, buf)).isEqualTo(11);
            assertThat(new String(buf.array(), 0, 11, StandardCharsets.UTF_8)).isEqualTo("hello world");
            assertThat(fs.getattr(fs.root()).nlink()).isEqualTo(3);
            List<String> names = new ArrayList<>();
            fs.readdir(fs.root(), 0, 100).entries().forEach(e -> names.add(e.name()));
            assertThat(names).containsExactlyInAnyOrder("hello.txt", "sub");
        }
    }

    @Test
    void largeFile_spansIndirectBlocks_andReadsBack() throws Exception {
        MemoryBlockDevice dev = TestImages.formatted(16 << 20, TestImages.small(512));
        try (FileSystem fs = TestImages.mount(dev, 0, locks)) {
            InodeId f = fs.create(fs.root(), "big", 0644, 0, 0).id();
            byte[] data = new byte[3 << 20];
            for (int i = 0; i < data.length; i++) {
                data[i] = (byte) (i * 31 + (i >> 9));
            }
            fs.write(f, 0, ByteBuffer.wrap(data));
            ByteBuffer back = ByteBuffer.allocate(data.length);
            fs.read(f, 0, back);
            assertThat(back.array()).isEqualTo(data);
            fs.setattr(f, SetAttributes.NONE.withSize(1000));
            assertThat(fs.getattr(f).size()).isEqualTo(1000);
            fs.setattr(f, SetAttributes.NONE.withSize(5000));
            ByteBuffer tail = ByteBuffer.allocate(4000);
            fs.read(f, 1000, tail);
            assertThat(tail.array()).containsOnly(0);
        }
    }

    @Test
    void errors_mapToPosix() throws Exception {
        MemoryBlockDevice dev = TestImages.formatted(8 << 20, TestImages.small(4096));
        try (FileSystem fs = TestImages.mount(dev, 0, locks)) {
            InodeId f = fs.create(fs.root(), "f", 0644, 0, 0).id();
            InodeId d = fs.mkdir(fs.root(), "d", 0755, 0, 0).id();
            fs.create(d, "inner", 0644, 0, 0);
            assertThatThrownBy(() -> fs.lookup(fs.root(), "nope")).isInstanceOf(NoSuchFileException.class);
            assertThatThrownBy(() -> fs.create(fs.root(), "f", 0644, 0, 0)).isInstanceOf(FileExistsException.class);
            assertThatThrownBy(() -> fs.lookup(f, "x")).isInstanceOf(NotDirectoryException.class);
            assertThatThrownBy(() -> fs.unlink(fs.root(), "d")).isInstanceOf(IsDirectoryException.class);
            assertThatThrownBy(() -> fs.rmdir(fs.root(), "d")).isInstanceOf(DirectoryNotEmptyException.class);
            assertThatThrownBy(() -> fs.rmdir(fs.root(), "f")).isInstanceOf(NotDirectoryException.class);
            assertThatThrownBy(() -> fs.create(fs.root(), "x".repeat(256), 0644, 0, 0))
                    .isInstanceOf(NameTooLongException.class);
            assertThatThrownBy(() -> fs.create(fs.root(), "a/b", 0644, 0, 0))
                    .isInstanceOf(InvalidArgumentException.class);
            assertThatThrownBy(() -> fs.rename(fs.root(), "d", d, "loop")).isInstanceOf(RenameLoopException.class);
            fs.unlink(fs.root(), "f");
            assertThatThrownBy(() -> fs.getattr(f)).isInstanceOf(StaleHandleException.class);
        }
    }

    @Test
    void getattrs_ofADirectoryPage_inOrder_withNullWhereAnEntryWasRemoved() throws Exception {
        MemoryBlockDevice dev = TestImages.formatted(8 << 20, TestImages.small(4096));
        try (FileSystem fs = TestImages.mount(dev, 0, locks)) {
            java.util.List<InodeId> ids = new java.util.ArrayList<>();
            for (int i = 0; i < 50; i++) {
                ids.add(fs.create(fs.root(), "f" + i, 0600 + i % 8, i, 0).id());
            }
            fs.write(ids.get(7), 0, ByteBuffer.wrap(new byte[777]));
            fs.unlink(fs.root(), "f13");

            java.util.List<FileAttributes> all = fs.getattrs(ids);
            assertThat(all).hasSize(50);
            assertThat(all.get(13)).as("removed since the listing").isNull();
            for (int i = 0; i < 50; i++) {
                if (i != 13) {
                    assertThat(all.get(i)).as("f" + i).isEqualTo(fs.getattr(ids.get(i)));
                }
            }
            assertThat(all.get(7).size()).isEqualTo(777);
            assertThat(all.get(21).uid()).isEqualTo(21);
        }
    }

    @Test
    void getattrs_afterLocalChanges_returnsTheNewAttributes_notTheOnesDecodedBefore() throws Exception {
        MemoryBlockDevice dev = TestImages.formatted(8 << 20, TestImages.small(4096));
        try (FileSystem fs = TestImages.mount(dev, 0, locks)) {
            List<InodeId> ids = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                ids.add(fs.create(fs.root(), "f" + i, 0644, 0, 0).id());
            }
            List<FileAttributes> before = fs.getattrs(ids);   // decoded, and kept per glock
            assertThat(fs.getattrs(ids)).as("asked again, unchanged").isEqualTo(before);

            fs.write(ids.get(0), 0, ByteBuffer.wrap(new byte[5000]));
            fs.setattr(ids.get(1), SetAttributes.NONE.withMode(0600).withOwner(7, 8));
            fs.setattr(ids.get(2), SetAttributes.NONE.withMtime(java.time.Instant.ofEpochSecond(1_000_000)));
            fs.link(ids.get(3), fs.root(), "hard");
            fs.unlink(fs.root(), "f4");
            assertThat(fs.getattrs(List.of(ids.get(4))).get(0)).as("freed, nothing in its place yet").isNull();

            InodeId open = fs.create(fs.root(), "open", 0644, 0, 0).id();
            try (InodeHold hold = fs.open(open)) {
                fs.unlink(fs.root(), "open");
                assertThat(fs.getattrs(List.of(open)).get(0).nlink()).as("unlinked, still open").isZero();
            }
            assertThat(fs.getattrs(List.of(open)).get(0)).as("freed at its last close").isNull();
            InodeId reborn = fs.create(fs.root(), "g4", 0640, 3, 3).id();   // may reuse f4's dinode block

            List<FileAttributes> after = fs.getattrs(ids);
            assertThat(after.get(0).size()).isEqualTo(5000);
            assertThat(after.get(1).mode()).isEqualTo(0600);
            assertThat(after.get(1).uid()).isEqualTo(7);
            assertThat(after.get(2).mtime()).isEqualTo(java.time.Instant.ofEpochSecond(1_000_000));
            assertThat(after.get(3).nlink()).isEqualTo(2);
            assertThat(after.get(4)).as("removed: not the attributes of what replaced it").isNull();
            assertThat(after.get(5)).isEqualTo(before.get(5));
            for (int i : new int[] {0, 1, 2, 3}) {
                assertThat(after.get(i)).as("f" + i).isEqualTo(fs.getattr(ids.get(i)))
                        .isNotEqualTo(before.get(i));
            }
            assertThat(fs.getattrs(List.of(reborn)).get(0)).isEqualTo(fs.getattr(reborn));
            assertThat(fs.getattrs(List.of(reborn)).get(0).mode()).isEqualTo(0640);
        }
    }
}
