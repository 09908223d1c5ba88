package org.gfspnfs.bench.nfs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;

/**
 * Small random I/O: {@code ops} 4 KiB WRITEs (UNSTABLE, then one COMMIT, inside the time) at random 4 KiB-aligned
 * offsets of a file of {@code fileSize} bytes, then {@code ops} 4 KiB READs at random offsets, {@code depth} in
 * flight. The file is written in full first (not timed) so every read hits written data.
 */
public final class RandomIoWorkload {
    public static final int BLOCK = 4096;
    private final FileIo.Factory files;
    private final int depth;

    public RandomIoWorkload(FileIo.Factory files, int depth) {
        this.files = files;
        this.depth = depth;
    }

    /** Returns {write, read}. */
    public Metric[] run(String name, long fileSize, int ops, int prepareIoSize) throws IOException {
        long blocks = fileSize / BLOCK;
        if (blocks < 1) {
            throw new IllegalArgumentException("file size below one block: " + fileSize);
        }
        FileIo f = files.create(name);
        try {
            ByteBuffer fill = ByteBuffer.allocateDirect(prepareIoSize).asReadOnlyBuffer();
            Window prep = new Window(depth);
            for (long off = 0; off < blocks * BLOCK; off += prepareIoSize) {
                long at = off;
                int len = (int) Math.min(prepareIoSize, blocks * BLOCK - at);
                prep.submit(() -> f.write(at, fill.duplicate().limit(len)));
            }
            prep.drain();
            f.commit(blocks * BLOCK);

            SplittableRandom random = new SplittableRandom(42);
            byte[] bytes = new byte[BLOCK];
            random.nextBytes(bytes);
            ByteBuffer block = ByteBuffer.wrap(bytes).asReadOnlyBuffer();
            Window w = new Window(depth);
            long start = System.nanoTime();
            for (int i = 0; i < ops; i++) {
                long at = random.nextLong(blocks) * BLOCK;
                w.submit(() -> f.write(at, block.duplicate()));
            }
            w.drain();
            f.commit(blocks * BLOCK);
            Metric write = new Metric("rand4k-write", 1, (long) ops * BLOCK, ops, System.nanoTime() - start,
                    "depth=" + depth + " file_bytes=" + blocks * BLOCK);

            start = System.nanoTime();
            for (int i = 0; i < ops; i++) {
                long at = random.nextLong(blocks) * BLOCK;
                w.submit(() -> f.read(at, BLOCK).thenApply(d -> {
                    int n = d.length();
                    d.release();
                    if (n != BLOCK) {
                        throw new IllegalStateException("READ of 4 KiB at " + at + " returned " + n);
                    }
                    return n;
                }));
            }
            w.drain();
            Metric read = new Metric("rand4k-read", 1, (long) ops * BLOCK, ops, System.nanoTime() - start,
                    "depth=" + depth + " file_bytes=" + blocks * BLOCK);
            return new Metric[] {write, read};
        } finally {
            f.close();
        }
    }
}
