package org.gfspnfs.gfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.gfspnfs.gfs.device.MemoryBlockDevice;
import org.gfspnfs.gfs.format.Meta;
import org.gfspnfs.gfs.impl.GfsMounter;
import org.gfspnfs.gfs.lock.LocalLockModule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a mount refuses, and what it guarantees after a crash. */
class MountTest {
    private LocalLockModule locks = new LocalLockModule();

    @AfterEach
    void close() {
        locks.close();
    }

    @Test
    void badMagic_isRefused() throws Exception {
        MemoryBlockDevice dev = TestImages.formatted(4 << 20, TestImages.small(4096));
        dev.write(0, ByteBuffer.wrap(new byte[] {0, 0, 0, 0}));
        assertThatThrownBy(() -> TestImages.mount(dev, 0, locks)).isInstanceOf(CorruptionException.class)
                .hasMessageContaining("magic");
    }

    @Test
    void newerFormatVersion_isRefused() throws Exception {
        MemoryBlockDevice dev = TestImages.formatted(4 << 20, TestImages.small(4096));
        byte[] sb = new byte[4096];
        dev.read(0, ByteBuffer.wrap(sb));
        ByteBuffer.wrap(sb).putInt(24, 99);
        Meta.seal(sb);
        dev.write(0, ByteBuffer.wrap(sb));
        assertThatThrownBy(() -> TestImages.mount(dev, 0, locks)).isInstanceOf(CorruptionException.class)
                .hasMessageContaining("newer");
    }

    @Test
    void sameJournalTwice_isRefused_otherJournalWorks() throws Exception {
        MemoryBlockDevice dev = TestImages.formatted(4 << 20, TestImages.small(4096));
        try (FileSystem a = TestImages.mount(dev, 0, locks)) {
            assertThatThrownBy(() -> TestImages.mount(dev, 0, locks)).isInstanceOf(GfsException.class)
                    .satisfies(e -> assertThat(((GfsException) e).errno()).isEqualTo(Errno.EAGAIN));
            assertThatThrownBy(() -> TestImages.mount(dev, 2, locks)).isInstanceOf(InvalidArgumentException.class);
            try (FileSystem b = TestImages.mount(dev, 1, locks)) {
                assertThat(b.info().journalId()).isEqualTo(1);
                assertThat(b.info().uuid()).isEqualTo(a.info().uuid());
            }
        }
    }

    @Test
    void readOnlyMount_refusesChanges() throws Exception {
        MemoryBlockDevice dev = TestImages.formatted(4 << 20, TestImages.small(4096));
        try (FileSystem fs = FileSystems.mount(dev, MountOptions.of(0, locks).withReadOnly(true))) {
            assertThatThrownBy(() -> fs.create(fs.root(), "x", 0644, 0, 0)).isInstanceOf(ReadOnlyException.class);
            assertThat(fs.readdir(fs.root(), 0, 10).entries()).isEmpty();
        }
    }

    @Test
    void crashAfterFsync_losesNothing_survivorRecoversDeadNodesJournalBeforeUsingItsLocks() throws Exception {
        MemoryBlockDevice dev = TestImages.formatted(8 << 20, TestImages.small(1024));
        FileSystem survivor = TestImages.mount(dev, 0, locks);
        FileSystem dying = TestImages.mount(dev, 1, locks);
        InodeId f = writeAcknowledged(dying);
        // The in-place writes of the last commit never reach the disk: only the journal has them.
        byte[] beforeCrash = dev.snapshot();
        GfsMounter.crash(dying);
        // The survivor blocks on the dead node's exclusive locks until it has replayed journal 1 itself.
        assertThat(lookupFile(survivor)).isEqualTo(f);
        assertThat(contents(survivor, f)).isEqualTo("acknowledged");
        assertThat(beforeCrash).isNotNull();
        assertThatThrownBy(() -> survivor.recoverJournal(0)).isInstanceOf(InvalidArgumentException.class);
        survivor.close();
    }

    @Test
    void wholeClusterCrash_firstMountReplaysTheOtherNodesJournals_beforeReadingAnything() throws Exception {
        MemoryBlockDevice dev = TestImages.formatted(8 << 20, TestImages.small(1024));
        FileSystem a = TestImages.mount(dev, 0, locks);
        FileSystem b = TestImages.mount(dev, 1, locks);
        InodeId f = writeAcknowledged(b);
        // Both nodes lose power: node 1's last transactions are only in its journal, and node 1 stays down.
        GfsMounter.crash(b);
        GfsMounter.crash(a);
        locks.close();
        locks = new LocalLockModule();
        try (FileSystem first = TestImages.mount(dev, 0, locks)) {
            assertThat(lookupFile(first)).isEqualTo(f);
            assertThat(contents(first, f)).isEqualTo("acknowledged");
            // The node that comes back later mounts its (now clean) journal next to the first one.
            try (FileSystem later = TestImages.mount(dev, 1, locks)) {
                assertThat(lookupFile(later)).isEqualTo(f);
            }
        }
    }

    /** dir/file with "acknowledged" in it, fsync'd: what a crash right after must not lose. */
    private static InodeId writeAcknowledged(FileSystem fs) throws GfsException {
        InodeId d = fs.mkdir(fs.root(), "dir", 0700, 0, 0).id();
        InodeId f = fs.create(d, "file", 0600, 0, 0).id();
        fs.write(f, 0, ByteBuffer.wrap("acknowledged".getBytes()));
        fs.fsync(f);
        return f;
    }

    private static InodeId lookupFile(FileSystem fs) throws GfsException {
        return fs.lookup(fs.lookup(fs.root(), "dir"), "file");
    }

    private static String contents(FileSystem fs, InodeId f) throws GfsException {
        ByteBuffer b = ByteBuffer.allocate(64);
        int n = fs.read(f, 0, b);
        return new String(b.array(), 0, n);
    }

    @Test
    void corruptedDinode_isReportedAsEio_notFollowed() throws Exception {
        MemoryBlockDevice dev = TestImages.formatted(8 << 20, TestImages.small(4096));
        InodeId f;
        try (FileSystem fs = TestImages.mount(dev, 0, locks)) {
            f = fs.create(fs.root(), "victim", 0644, 0, 0).id();
        }
        dev.write(f.number() * 4096 + 300, ByteBuffer.wrap(new byte[] {1, 2, 3}));
        try (FileSystem fs = TestImages.mount(dev, 0, locks)) {
            assertThatThrownBy(() -> fs.getattr(f)).isInstanceOf(CorruptionException.class)
                    .satisfies(e -> assertThat(((GfsException) e).errno()).isEqualTo(Errno.EIO));
        }
    }
}
