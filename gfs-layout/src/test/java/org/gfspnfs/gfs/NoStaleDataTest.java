package org.gfspnfs.gfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.gfspnfs.gfs.device.MemoryBlockDevice;
import org.gfspnfs.gfs.impl.GfsMounter;
import org.gfspnfs.gfs.lock.LocalLockModule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A deleted file's bytes must never come back through another file, whatever way the blocks are reused. */
class NoStaleDataTest {
    private static final byte[] SECRET = "SECRET-0xDEADBEEF".getBytes(StandardCharsets.US_ASCII);
    private final LocalLockModule locks = new LocalLockModule();

    @AfterEach
    void close() {
        locks.close();
    }

    @Test
    void secretBlocks_reusedBySparseUnwrittenAndPartialWrites_neverReadBack() throws Exception {
        MemoryBlockDevice dev = TestImages.formatted(2 << 20, TestImages.small(512).withJournals(2, 128)
                .withRgrpBlocks(1024));
        try (FileSystem fs = TestImages.mount(dev, 0, locks)) {
            Set<Long> secretBlocks = writeSecretAndDelete(fs);
            Random rnd = new Random(7);
            Set<Long> reused = new HashSet<>();
            for (int i = 0; reused.size() < secretBlocks.size() && i < 5000; i++) {
                InodeId f;
                try {
                    f = fs.create(fs.root(), "new" + i, 0644, 0, 0).id();
                    fill(fs, f, i, rnd);
                } catch (NoSpaceException full) {
                    break;
                }
                if (secretBlocks.contains(f.number())) {
                    reused.add(f.number());
                }
                for (Extent e : fs.mapRange(f, 0, 1 << 20)) {
                    for (long off = 0; e.deviceOffset() >= 0 && off < e.length(); off += 512) {
                        long block = (e.deviceOffset() + off) / 512;
                        if (secretBlocks.contains(block)) {
                            reused.add(block);
                        }
                    }
                }
                assertNoSecret(fs, f);
            }
            // The rest went to directory leaves, which the API does not map.
            assertThat(reused.size()).as("secret blocks reused as data or dinodes")
                    .isGreaterThan(secretBlocks.size() * 9 / 10);
        }
    }

    /** Sparse partial writes, unwritten extents, and extension over both. */
    private static void fill(FileSystem fs, InodeId f, int i, Random rnd) throws GfsException {
                switch (i % 4) {
                    case 0 -> fs.write(f, 700 + rnd.nextInt(3000), ByteBuffer.wrap(new byte[] {1, 2, 3}));
                    case 1 -> fs.allocateUnwritten(f, 0, 8192);
                    case 2 -> {
                        fs.allocateUnwritten(f, 0, 4096);
                        fs.setattr(f, SetAttributes.NONE.withSize(6000));
                    }
                    default -> {
                        fs.write(f, 5000, ByteBuffer.wrap(new byte[] {9}));
                        fs.setattr(f, SetAttributes.NONE.withSize(20_000));
                    }
                }
    }

    @Test
    void crashAfterReuse_beforeCommit_secretStillUnreadable() throws Exception {
        MemoryBlockDevice dev = TestImages.formatted(2 << 20, TestImages.small(512).withJournals(2, 128)
                .withRgrpBlocks(1024));
        FileSystem fs = TestImages.mount(dev, 0, locks);
        writeSecretAndDelete(fs);
        fs.sync();
        for (int i = 0; i < 40; i++) {
            InodeId f = fs.create(fs.root(), "after" + i, 0644, 0, 0).id();
            fs.allocateUnwritten(f, 0, 16384);
            fs.write(f, 100, ByteBuffer.wrap(new byte[] {7}));
        }
        GfsMounter.crash(fs);
        try (LocalLockModule fresh = new LocalLockModule();
             FileSystem again = FileSystems.mount(dev, MountOptions.of(0, fresh))) {
            for (DirEntry e : TwoNodeTest.names(again, again.root()).stream()
                    .map(n -> lookupEntry(again, n)).toList()) {
                assertNoSecret(again, e.id());
            }
        }
    }

    private static DirEntry lookupEntry(FileSystem fs, String name) {
        try {
            return new DirEntry(name, fs.lookup(fs.root(), name), FileType.REGULAR, 0);
        } catch (GfsException e) {
            throw new AssertionError(e);
        }
    }

    private static Set<Long> writeSecretAndDelete(FileSystem fs) throws GfsException {
        InodeId secret = fs.create(fs.root(), "secret", 0600, 0, 0).id();
        byte[] data = new byte[256 * 1024];
        for (int i = 0; i < data.length; i++) {
            data[i] = SECRET[i % SECRET.length];
        }
        fs.write(secret, 0, ByteBuffer.wrap(data));
        fs.fsync(secret);
        Set<Long> blocks = new HashSet<>();
        List<Extent> map = fs.mapRange(secret, 0, data.length);
        for (Extent e : map) {
            for (long off = 0; off < e.length(); off += 512) {
                blocks.add((e.deviceOffset() + off) / 512);
            }
        }
        fs.unlink(fs.root(), "secret");
        return blocks;
    }

    /** No 8-byte window of the repeated secret pattern appears anywhere in the file. */
    private static void assertNoSecret(FileSystem fs, InodeId f) throws GfsException {
        long size = fs.getattr(f).size();
        ByteBuffer b = ByteBuffer.allocate((int) size);
        fs.read(f, 0, b);
        String s = new String(b.array(), StandardCharsets.ISO_8859_1);
        String cyclic = new String(SECRET, StandardCharsets.ISO_8859_1).repeat(2);
        for (int i = 0; i < SECRET.length; i++) {
            assertThat(s).as("file " + f).doesNotContain(cyclic.substring(i, i + 8));
        }
    }
}
