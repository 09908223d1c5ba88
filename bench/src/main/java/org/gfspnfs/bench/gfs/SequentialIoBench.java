package org.gfspnfs.bench.gfs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import org.gfspnfs.gfs.InodeId;

/**
 * Sequential write (then fsync) and read of one large file through the gfs-layout {@link
 * org.gfspnfs.gfs.FileSystem} API, against plain {@link FileChannel} I/O of the same bytes to a file in the same
 * directory, in the same run, interleaved rep by rep so that both see the same machine. Prints the throughputs and
 * the ratio gfs/raw (target: at least 0.8).
 *
 * <p>usage: {@code java -cp benchmarks.jar org.gfspnfs.bench.gfs.SequentialIoBench [--dir D] [--mib N]
 * [--reps R] [--chunk-kib K]}
 */
public final class SequentialIoBench {
    private final Path dir;
    private final long bytes;
    private final int chunk;
    private final ByteBuffer data;

    private SequentialIoBench(Path dir, long bytes, int chunk) {
        this.dir = dir;
        this.bytes = bytes;
        this.chunk = chunk;
        byte[] b = new byte[chunk];
        new Random(1).nextBytes(b);
        this.data = ByteBuffer.wrap(b);
    }

    public static void main(String[] args) throws Exception {
        BenchArgs a = new BenchArgs(args, "dir", "mib", "reps", "chunk-kib");
        Path dir = a.path("dir", System.getProperty("java.io.tmpdir"));
        long mib = a.number("mib", 1024);
        int reps = (int) a.number("reps", 3);
        int chunk = (int) a.number("chunk-kib", 1024) * 1024;
        Path work = Files.createTempDirectory(dir, "gfs-seq-bench");
        try {
            new SequentialIoBench(work, mib << 20, chunk).run(reps, mib);
        } finally {
            try (var s = Files.list(work)) {
                for (Path p : s.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(work);
        }
    }

    private void run(int reps, long mib) throws IOException {
        double[] best = new double[4];
        for (int r = 0; r < reps; r++) {
            double rw = rawWrite();
            double gw = gfsWrite();
            double rr = rawRead();
            double gr = gfsRead();
            System.out.printf("rep %d: write raw %.0f MB/s gfs %.0f MB/s (%.2f), read raw %.0f MB/s gfs %.0f MB/s "
                    + "(%.2f)%n", r + 1, rw, gw, gw / rw, rr, gr, gr / rr);
            best[0] = Math.max(best[0], rw);
            best[1] = Math.max(best[1], gw);
            best[2] = Math.max(best[2], rr);
            best[3] = Math.max(best[3], gr);
        }
        System.out.printf("gfs-bench metric=seq_write_%dMiB raw_MBps=%.0f gfs_MBps=%.0f ratio=%.2f%n", mib, best[0],
                best[1], best[1] / best[0]);
        System.out.printf("gfs-bench metric=seq_read_%dMiB raw_MBps=%.0f gfs_MBps=%.0f ratio=%.2f%n", mib, best[2],
                best[3], best[3] / best[2]);
    }

    private double rawWrite() throws IOException {
        Path f = dir.resolve("raw.bin");
        long t0 = System.nanoTime();
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (long pos = 0; pos < bytes; pos += chunk) {
                ByteBuffer b = data.duplicate();
                while (b.hasRemaining()) {
                    ch.write(b, pos + b.position());
                }
            }
            ch.force(false);
        }
        return mbps(System.nanoTime() - t0);
    }

    private double rawRead() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(chunk);
        long t0 = System.nanoTime();
        try (FileChannel ch = FileChannel.open(dir.resolve("raw.bin"), StandardOpenOption.READ)) {
            for (long pos = 0; pos < bytes; pos += chunk) {
                b.clear();
                while (b.hasRemaining() && ch.read(b, pos + b.position()) > 0) {
                    // fill the chunk
                }
            }
        }
        return mbps(System.nanoTime() - t0);
    }

    private double gfsWrite() throws IOException {
        Path img = dir.resolve("gfs.img");
        Files.deleteIfExists(img);
        try (BenchMount m = BenchMount.fresh(img, bytes + bytes / 8 + (256L << 20))) {
            InodeId f = m.fs.create(m.fs.root(), "big", 0644, 0, 0).id();
            long t0 = System.nanoTime();
            for (long pos = 0; pos < bytes; pos += chunk) {
                m.fs.write(f, pos, data.duplicate());
            }
            m.fs.fsync(f);
            return mbps(System.nanoTime() - t0);
        }
    }

    private double gfsRead() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(chunk);
        try (BenchMount m = BenchMount.open(dir.resolve("gfs.img"))) {
            InodeId f = m.fs.lookup(m.fs.root(), "big");
            long t0 = System.nanoTime();
            for (long pos = 0; pos < bytes; pos += chunk) {
                b.clear();
                m.fs.read(f, pos, b);
            }
            return mbps(System.nanoTime() - t0);
        }
    }

    private double mbps(long nanos) {
        return bytes / 1e6 / (nanos / 1e9);
    }
}
