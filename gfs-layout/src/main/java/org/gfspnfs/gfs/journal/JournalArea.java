package org.gfspnfs.gfs.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.gfspnfs.gfs.device.BlockDevice;

/**
 * One node slot's journal: a circular run of blocks on the device, addressed by position. Writes go through one
 * staging buffer, so a journal has one writer at a time (its {@link JournalWriter}, under the log's lock).
 */
public final class JournalArea {
    /** Largest staging buffer: a bigger transaction is written in pieces of this size. */
    private static final int MAX_STAGING = 1 << 20;

    private final BlockDevice device;
    private final int blockSize;
    private final long firstBlock;
    private final int blocks;
    /** Direct, so the device write copies nothing more; grown on demand up to {@link #MAX_STAGING}. */
    private ByteBuffer staging = ByteBuffer.allocateDirect(0);

    public JournalArea(BlockDevice device, int blockSize, long firstBlock, int blocks) {
        this.device = device;
        this.blockSize = blockSize;
        this.firstBlock = firstBlock;
        this.blocks = blocks;
    }

    public int blocks() {
        return blocks;
    }

    public int blockSize() {
        return blockSize;
    }

    public BlockDevice device() {
        return device;
    }

    /** Device block address of log position {@code pos} (taken modulo the journal length). */
    public long address(long pos) {
        return firstBlock + Math.floorMod(pos, blocks);
    }

    /** Writes consecutive log blocks starting at {@code pos}, wrapping at the end of the journal. */
    public void write(long pos, byte[][] body) throws IOException {
        int perWrite = Math.max(1, MAX_STAGING / blockSize);
        int i = 0;
        while (i < body.length) {
            long start = Math.floorMod(pos + i, blocks);
            int run = (int) Math.min(Math.min(body.length - i, blocks - start), perWrite);
            ByteBuffer buf = staging(run * blockSize);
            for (int k = 0; k < run; k++) {
                buf.put(body[i + k]);
            }
            buf.flip();
            device.write((firstBlock + start) * blockSize, buf);
            i += run;
        }
    }

    private ByteBuffer staging(int bytes) {
        if (staging.capacity() < bytes) {
            staging = ByteBuffer.allocateDirect(Math.max(bytes, Math.min(MAX_STAGING, 2 * staging.capacity())));
        }
        staging.clear().limit(bytes);
        return staging;
    }

    /** Reads the whole journal (in one pass, for scanning). */
    public byte[] readAll() throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(blocks * blockSize);
        device.read(firstBlock * blockSize, buf);
        return buf.array();
    }

    /** Zeroes the journal (mkfs): stale commit blocks from an earlier filesystem must never be replayed. */
    public void zero() throws IOException {
        int chunk = Math.max(1, (1 << 20) / blockSize);
        for (long b = 0; b < blocks; b += chunk) {
            int n = (int) Math.min(chunk, blocks - b);
            device.write((firstBlock + b) * blockSize, ByteBuffer.allocate(n * blockSize));
        }
    }
}
