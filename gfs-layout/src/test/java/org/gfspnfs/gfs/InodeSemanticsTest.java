package org.gfspnfs.gfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.gfspnfs.gfs.device.MemoryBlockDevice;
import org.gfspnfs.gfs.format.DirEntryFormat;
import org.gfspnfs.gfs.lock.LocalLockModule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the NFS layer relies on: handles, generations, change attribute, times, cookies, special files. */
class InodeSemanticsTest {
    private final LocalLockModule locks = new LocalLockModule();

    @AfterEach
    void close() {
        locks.close();
    }

    @Test
    void handleOfDeletedFile_isStale_evenAfterItsBlockHoldsANewInode() throws Exception {
        MemoryBlockDevice dev = TestImages.formatted(8 << 20, TestImages.small(4096));
        try (FileSystem fs = TestImages.mount(dev, 0, locks)) {
            InodeId old = fs.create(fs.root(), "old", 0644, 0, 0).id();
            fs.unlink(fs.root(), "old");
            InodeId reused = null;
            for (int i = 0; i < 5000 && reused == null; i++) {
                InodeId n = fs.create(fs.root(), "n" + i, 0644, 0, 0).id();
                if (n.number() == old.number()) {
                    reused = n;
                } else {
                    fs.unlink(fs.root(), "n" + i);
                }
            }
            assertThat(reused).as("the dinode block was reused").isNotNull();
            assertThat(reused.generation()).isNotEqualTo(old.generation());
            assertThatThrownBy(() -> fs.getattr(old)).isInstanceOf(StaleHandleException.class);
            assertThat(fs.getattr(reused).id()).isEqualTo(reused);
            assertThat(InodeId.fromBytes(reused.toBytes())).isEqualTo(reused);
        }
    }

    @Test
    void everyChange_bumpsTheChangeAttribute_andSetsTimesFromTheInjectedClock() throws Exception {
        MemoryBlockDevice dev = TestImages.formatted(8 << 20, TestImages.small(4096));
        Instant t0 = Instant.parse("2030-05-06T07:08:09.123456789Z");
        MountOptions o = MountOptions.of(0, locks).withClock(Clock.fixed(t0, ZoneOffset.UTC));
        try (FileSystem fs = FileSystems.mount(dev, o)) {
            FileAttributes a = fs.create(fs.root(), "f", 0640, 7, 8);
            assertThat(a.mtime()).isEqualTo(t0);
            assertThat(a.ctime()).isEqualTo(t0);
            long c1 = a.change();
            fs.write(a.id(), 0, ByteBuffer.wrap(new byte[] {1}));
            long c2 = fs.getattr(a.id()).change();
            FileAttributes s = fs.setattr(a.id(), SetAttributes.NONE.withOwner(1, 2).withMode(0600)
                    .withMtime(Instant.EPOCH));
            assertThat(c2).isGreaterThan(c1);
            assertThat(s.change()).isGreaterThan(c2);
            assertThat(s.uid()).isEqualTo(1);
            assertThat(s.gid()).isEqualTo(2);
            assertThat(s.mode()).isEqualTo(0600);
            assertThat(s.mtime()).isEqualTo(Instant.EPOCH);
            long dirChange = fs.getattr(fs.root()).change();
            fs.link(a.id(), fs.root(), "g");
            assertThat(fs.getattr(fs.root()).change()).isGreaterThan(dirChange);
            assertThat(fs.getattr(a.id()).nlink()).isEqualTo(2);
        }
    }

    @Test
    void namesWithTheSameHash_getDistinctStableCookies() throws Exception {
        String[] pair = collidingNames();
        MemoryBlockDevice dev = TestImages.formatted(8 << 20, TestImages.small(512));
        try (FileSystem fs = TestImages.mount(dev, 0, locks)) {
            InodeId d = fs.mkdir(fs.root(), "d", 0755, 0, 0).id();
            for (int i = 0; i < 40; i++) {
                fs.create(d, "filler" + i, 0644, 0, 0);
            }
            fs.create(d, pair[0], 0644, 0, 0);
            fs.create(d, pair[1], 0644, 0, 0);
            Map<String, Long> cookies = new HashMap<>();
            long cookie = 0;
            DirListing l;
            do {
                l = fs.readdir(d, cookie, 1);
                for (DirEntry e : l.entries()) {
                    cookies.put(e.name(), e.cookie());
                    cookie = e.cookie();
                }
            } while (!l.eof());
            assertThat(cookies).containsKeys(pair[0], pair[1]).hasSize(42);
            assertThat(cookies.get(pair[0]) >>> 32).isEqualTo(cookies.get(pair[1]) >>> 32);
            assertThat(cookies.get(pair[0])).isNotEqualTo(cookies.get(pair[1]));
            fs.unlink(d, "filler3");
            long before = cookies.get(pair[1]);
            long after = fs.readdir(d, 0, 100).entries().stream().filter(e -> e.name().equals(pair[1]))
                    .findFirst().orElseThrow().cookie();
            assertThat(after).as("cookie survives removals").isEqualTo(before);
            assertThat(fs.lookup(d, pair[0])).isNotEqualTo(fs.lookup(d, pair[1]));
        }
    }

    /** Two names whose hashes collide (found by search; CRC32C is injective on short equal-length names). */
    private static String[] collidingNames() {
        String[] pair = {"c1371838", "c2000402"};
        assertThat(DirEntryFormat.hash(pair[0].getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(DirEntryFormat.hash(pair[1].getBytes(StandardCharsets.UTF_8)));
        return pair;
    }

    @Test
    void specialFiles_keepTypeAndDevice_symlinkKeepsTarget() throws Exception {
        MemoryBlockDevice dev = TestImages.formatted(8 << 20, TestImages.small(4096));
        try (FileSystem fs = TestImages.mount(dev, 0, locks)) {
            FileAttributes fifo = fs.mknod(fs.root(), "p", FileType.FIFO, 0600, 0, 0, 0);
            FileAttributes chr = fs.mknod(fs.root(), "c", FileType.CHAR_DEVICE, 0600, 0, 0, (1L << 8) | 3);
            FileAttributes ln = fs.symlink(fs.root(), "l", "../some/where", 0, 0);
            assertThat(fs.getattr(fifo.id()).type()).isEqualTo(FileType.FIFO);
            assertThat(fs.getattr(chr.id()).type()).isEqualTo(FileType.CHAR_DEVICE);
            assertThat(fs.readlink(ln.id())).isEqualTo("../some/where");
            assertThat(ln.size()).isEqualTo("../some/where".length());
            assertThatThrownBy(() -> fs.readlink(fifo.id())).isInstanceOf(InvalidArgumentException.class);
            assertThatThrownBy(() -> fs.write(fifo.id(), 0, ByteBuffer.allocate(1)))
                    .isInstanceOf(InvalidArgumentException.class);
        }
    }
}
