package org.gfspnfs.bench.nfs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Sequential write and read of {@code total} bytes split evenly over {@code streams} files ("seq-N-i"), one thread
 * per stream, each keeping {@code depth} requests of {@code ioSize} bytes in flight. Writes are UNSTABLE and the
 * time includes the COMMIT (and LAYOUTCOMMIT) that makes them durable, as {@code dd conv=fsync} would. Every block
 * read is compared with what was written, so a server returning wrong data fails the run.
 */
public final class SequentialWorkload {
    private final FileIo.Factory files;
    private final int ioSize;
    private final int depth;
    private final String prefix;

    public SequentialWorkload(FileIo.Factory files, int ioSize, int depth) {
        this(files, ioSize, depth, "");
    }

    private SequentialWorkload(FileIo.Factory files, int ioSize, int depth, String prefix) {
        this.files = files;
        this.ioSize = ioSize;
        this.depth = depth;
        this.prefix = prefix;
    }

    /** The same workload on files whose names start with {@code p} (the generator's own warm-up writes). */
    SequentialWorkload named(String p) {
        return new SequentialWorkload(files, ioSize, depth, p);
    }

    /** The file stream {@code i} of a run over {@code streams} streams writes and reads. */
    String file(int streams, int i) {
        return prefix + fileName(streams, i);
    }

    /**
     * The content every block of stream {@code i} carries, in a direct buffer: WRITEs are sent from it and READs
     * compared with it, both without a copy.
     */
    static ByteBuffer pattern(int stream, int size) {
        byte[] b = new byte[size];
        new Random(0x5eed_0000L + stream).nextBytes(b);
        return ByteBuffer.allocateDirect(size).put(b).flip().asReadOnlyBuffer();
    }

    static String fileName(int streams, int i) {
        return "seq-" + streams + "-" + i;
    }

    /** Bytes each stream moves: total / streams rounded down to whole I/Os (at least one). */
    long perStream(long total, int streams) {
        return Math.max(1, total / streams / ioSize) * ioSize;
    }

    public Metric write(String metric, int streams, long total) throws IOException {
        long each = perStream(total, streams);
        return run(metric, streams, each, i -> writeStream(streams, i, each));
    }

    public Metric read(String metric, int streams, long total) throws IOException {
        long each = perStream(total, streams);
        return run(metric, streams, each, i -> readStream(streams, i, each));
    }

    @FunctionalInterface
    private interface Stream {
        void run(int index) throws IOException;
    }

    private Metric run(String metric, int streams, long each, Stream body) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(streams, r -> {
            Thread t = new Thread(r, "loadgen-" + metric);
            t.setDaemon(true);
            return t;
        });
        try {
            long start = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < streams; i++) {
                int index = i;
                running.add(pool.submit(() -> {
                    body.run(index);
                    return null;
                }));
            }
            for (Future<?> f : running) {
                await(f);
            }
            long nanos = System.nanoTime() - start;
            return new Metric(metric, streams, each * streams, each / ioSize * streams, nanos, "io_size=" + ioSize);
        } finally {
            pool.shutdownNow();
        }
    }

    private void writeStream(int streams, int index, long bytes) throws IOException {
        ByteBuffer data = pattern(index, ioSize);
        FileIo f = files.create(file(streams, index));
        Window w = new Window(depth);
        for (long off = 0; off < bytes; off += ioSize) {
            long at = off;
            w.submit(() -> f.write(at, data.duplicate()).thenApply(n -> {
                if (n != ioSize) {
                    throw new IllegalStateException("short WRITE at " + at + ": " + n + " of " + ioSize);
                }
                return n;
            }));
        }
        w.drain();
        f.commit(bytes);
        f.close();
    }

    private void readStream(int streams, int index, long bytes) throws IOException {
        ByteBuffer expected = pattern(index, ioSize);
        FileIo f = files.openRead(file(streams, index));
        Window w = new Window(depth);
        for (long off = 0; off < bytes; off += ioSize) {
            long at = off;
            w.submit(() -> f.read(at, ioSize).thenApply(data -> {
                try {
                    if (!data.bytes().equals(expected)) {
                        throw new IllegalStateException("READ at " + at + " of " + file(streams, index)
                                + " returned " + data.length() + " bytes that differ from what was written");
                    }
                    return data.length();
                } finally {
                    data.release();
                }
            }));
        }
        w.drain();
        f.close();
    }

    private static void await(Future<?> f) throws IOException {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw io;
            }
            throw new IOException(c.getMessage(), c);
        }
    }

}
