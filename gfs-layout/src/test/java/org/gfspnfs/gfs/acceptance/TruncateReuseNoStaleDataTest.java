package org.gfspnfs.gfs.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.gfspnfs.gfs.Extent;
import org.gfspnfs.gfs.ExtentState;
import org.gfspnfs.gfs.FileSystem;
import org.gfspnfs.gfs.InodeId;
import org.gfspnfs.gfs.NoSpaceException;
import org.gfspnfs.gfs.SetAttributes;
import org.gfspnfs.gfs.device.MemoryBlockDevice;
import org.gfspnfs.gfs.fsck.Images;
import org.junit.jupiter.api.Test;

/**
 * No stale data, the shapes the core's {@code NoStaleDataTest} does not cover: a deleted secret's blocks are reused
 * by files that are written, truncated to the middle of a block and extended again (the tail of the kept block
 * and the new hole must read as zeros), and by unwritten extents larger than the secret. Every file must read back
 * byte for byte what the model says, never a byte of the secret.
 */
class TruncateReuseNoStaleDataTest {
    private static final byte[] SECRET = "SECRET!!".getBytes(StandardCharsets.US_ASCII);
    private static final int BS = Images.BS;

    @Test
    void truncateToMidBlockThenExtend_overReusedSecretBlocks_readsZerosPastTheCut() throws Exception {
        MemoryBlockDevice dev = Images.formatted();
        try (Images.Mounted m = Images.mount(dev)) {
            FileSystem fs = m.fs();
            Set<Long> secretBlocks = writeSecretAndDelete(fs, 2 << 20);
            Set<Long> reused = new HashSet<>();
            int round = 0;
            try {
                while (reused.size() < secretBlocks.size() * 9 / 10 && round < 2000) {
                    InodeId f = fs.create(fs.root(), "new-" + round, 0644, 0, 0).id();
                    byte[] model = round % 2 == 0 ? truncateThenExtend(fs, f, round)
                            : unwrittenThenPartialWrite(fs, f, round);
                    assertReadsExactly(fs, f, model, round);
                    reused.addAll(blocksOf(fs, f, model.length, secretBlocks));
                    round++;
                }
            } catch (NoSpaceException full) {
                // Every free block has been handed out at least once.
            }
            assertThat(reused.size()).as("secret blocks reused by new files")
                    .isGreaterThan(secretBlocks.size() * 3 / 4);
        }
    }

    private static Set<Long> blocksOf(FileSystem fs, InodeId f, long len, Set<Long> of) throws Exception {
        Set<Long> out = new HashSet<>();
        for (Extent e : fs.mapRange(f, 0, Math.max(len, 1))) {
            for (long o = 0; e.state() != ExtentState.HOLE && o < e.length(); o += BS) {
                long b = (e.deviceOffset() + o) / BS;
                if (of.contains(b)) {
                    out.add(b);
                }
            }
        }
        return out;
    }

    private static Set<Long> writeSecretAndDelete(FileSystem fs, int size) throws Exception {
        InodeId s = fs.create(fs.root(), "secret", 0600, 0, 0).id();
        byte[] secret = new byte[size];
        for (int i = 0; i < size; i++) {
            secret[i] = SECRET[i % SECRET.length];
        }
        fs.write(s, 0, ByteBuffer.wrap(secret));
        fs.fsync(s);
        Set<Long> blocks = new HashSet<>();
        for (Extent e : fs.mapRange(s, 0, size)) {
            for (long o = 0; o < e.length(); o += BS) {
                blocks.add((e.deviceOffset() + o) / BS);
            }
        }
        fs.unlink(fs.root(), "secret");
        fs.sync();
        return blocks;
    }

    /** Written fully, cut inside a block, extended with a hole, then a byte written past the old cut. */
    private static byte[] truncateThenExtend(FileSystem fs, InodeId f, int round) throws Exception {
        byte[] data = new byte[40 * BS];
        Arrays.fill(data, (byte) 'x');
        fs.write(f, 0, ByteBuffer.wrap(data));
        int cut = 1000 + round % 700;
        fs.setattr(f, SetAttributes.NONE.withSize(cut));
        fs.setattr(f, SetAttributes.NONE.withSize(40 * BS));
        fs.write(f, 30 * BS + 3, ByteBuffer.wrap(new byte[] {'y'}));
        byte[] model = new byte[40 * BS];
        Arrays.fill(model, 0, cut, (byte) 'x');
        model[30 * BS + 3] = 'y';
        return model;
    }

    /** 64 unwritten blocks, the file extended over them, one partial block written in the middle. */
    private static byte[] unwrittenThenPartialWrite(FileSystem fs, InodeId f, int round) throws Exception {
        fs.allocateUnwritten(f, 0, 64 * BS);
        fs.setattr(f, SetAttributes.NONE.withSize(64 * BS));
        byte[] mark = ("r" + round).getBytes(StandardCharsets.US_ASCII);
        int at = 20 * BS + 100 + round % 500;
        fs.write(f, at, ByteBuffer.wrap(mark));
        byte[] model = new byte[64 * BS];
        System.arraycopy(mark, 0, model, at, mark.length);
        return model;
    }

    private static void assertReadsExactly(FileSystem fs, InodeId f, byte[] model, int round) throws Exception {
        ByteBuffer buf = ByteBuffer.allocate(model.length);
        while (buf.hasRemaining() && fs.read(f, buf.position(), buf) > 0) {
            // until the whole file is read
        }
        byte[] got = buf.array();
        assertThat(indexOf(got, SECRET)).as("secret bytes read back in round " + round).isEqualTo(-1);
        assertThat(got).as("contents in round " + round).isEqualTo(model);
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (hay[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
