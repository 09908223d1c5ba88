package org.gfspnfs.gfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.gfspnfs.gfs.device.MemoryBlockDevice;
import org.gfspnfs.gfs.impl.GfsMounter;
import org.gfspnfs.gfs.lock.LocalLockModule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Unlinked-but-open inodes stay readable while held and are freed by the last release or by recovery. */
class UnlinkedOpenFileTest {
    private final LocalLockModule locks = new LocalLockModule();

    @AfterEach
    void close() {
        locks.close();
    }

    @Test
    void unlinkWhileOpen_keepsData_untilLastHoldCloses() throws Exception {
        MemoryBlockDevice dev = TestImages.formatted(8 << 20, TestImages.small(4096));
        try (FileSystem fs = TestImages.mount(dev, 0, locks)) {
            long freeBefore = fs.statfs().freeBlocks();
            InodeId f = fs.create(fs.root(), "tmp", 0644, 0, 0).id();
            fs.write(f, 0, ByteBuffer.wrap(new byte[100_000]).put(0, (byte) 3));
            InodeHold hold = fs.open(f);
            fs.unlink(fs.root(), "tmp");
            assertThat(fs.getattr(f).nlink()).isZero();
            ByteBuffer b = ByteBuffer.allocate(10);
            assertThat(fs.read(f, 0, b)).isEqualTo(10);
            assertThat(b.get(0)).isEqualTo((byte) 3);
            assertThat(fs.statfs().freeBlocks()).isLessThan(freeBefore - 20);
            hold.close();
            assertThatThrownBy(() -> fs.getattr(f)).isInstanceOf(StaleHandleException.class);
            assertThat(fs.statfs().freeBlocks()).isEqualTo(freeBefore);
        }
    }

    @Test
    void heldOnOtherNode_unlinkDoesNotFree_untilThatNodeReleases() throws Exception {
        MemoryBlockDevice dev = TestImages.formatted(8 << 20, TestImages.small(4096));
        try (FileSystem a = TestImages.mount(dev, 0, locks); FileSystem b = TestImages.mount(dev, 1, locks)) {
            InodeId f = a.create(a.root(), "shared", 0644, 0, 0).id();
            a.write(f, 0, ByteBuffer.wrap(new byte[] {1, 2, 3}));
            InodeHold onB = b.open(f);
            a.unlink(a.root(), "shared");
            ByteBuffer buf = ByteBuffer.allocate(3);
            assertThat(b.read(f, 0, buf)).isEqualTo(3);
            assertThat(buf.array()).containsExactly(1, 2, 3);
            onB.close();
            assertThatThrownBy(() -> a.getattr(f)).isInstanceOf(StaleHandleException.class);
        }
    }

    @Test
    void crashWhileUnlinkedFileIsOpen_nextMountFreesIt() throws Exception {
        MemoryBlockDevice dev = TestImages.formatted(8 << 20, TestImages.small(4096));
        FileSystem fs = TestImages.mount(dev, 0, locks);
        long freeBefore = fs.statfs().freeBlocks();
        InodeId f = fs.create(fs.root(), "tmp", 0644, 0, 0).id();
        fs.write(f, 0, ByteBuffer.wrap(new byte[50_000]));
        fs.open(f);
        fs.unlink(fs.root(), "tmp");
        fs.sync();
        GfsMounter.crash(fs);
        try (LocalLockModule fresh = new LocalLockModule();
             FileSystem again = FileSystems.mount(dev, MountOptions.of(0, fresh))) {
            assertThatThrownBy(() -> again.getattr(f)).isInstanceOf(StaleHandleException.class);
            assertThat(again.statfs().freeBlocks()).isEqualTo(freeBefore);
        }
    }
}
