package org.gfspnfs.bench.gfs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.gfspnfs.gfs.InodeId;

/**
 * Creates files in one directory up to 1k, 10k, 100k and 1M entries and reports, for each step, the create rate
 * of that step and the mean time of random lookups at that size (FORMAT.md promises one hash-table block and one
 * leaf per lookup: the target is a flat curve). A warm-up directory is filled first so the JIT is warm.
 *
 * <p>usage: {@code java -cp benchmarks.jar org.gfspnfs.bench.gfs.DirectoryScaleBench [--dir D] [--max N]
 * [--lookups L]}
 */
public final class DirectoryScaleBench {
    public static void main(String[] args) throws Exception {
        BenchArgs a = new BenchArgs(args, "dir", "max", "lookups");
        Path dir = a.path("dir", System.getProperty("java.io.tmpdir"));
        long max = a.number("max", 1_000_000);
        int lookups = (int) a.number("lookups", 20_000);
        Path img = Files.createTempFile(dir, "gfs-dir-bench", ".img");
        try (BenchMount m = BenchMount.fresh(img, (max + 50_000) * 4096L * 5 / 4 + (512L << 20))) {
            run(m, max, lookups);
        } finally {
            Files.deleteIfExists(img);
        }
    }

    private static void run(BenchMount m, long max, int lookups) throws IOException {
        InodeId warm = m.fs.mkdir(m.fs.root(), "warmup", 0755, 0, 0).id();
        fill(m, warm, 0, 20_000);
        lookups(m, warm, 20_000, lookups, new Random(1));
        InodeId d = m.fs.mkdir(m.fs.root(), "d", 0755, 0, 0).id();
        long created = 0;
        double firstLookup = 0;
        for (long step = 1000; step <= max; step *= 10) {
            long t0 = System.nanoTime();
            fill(m, d, created, step);
            double rate = (step - created) / ((System.nanoTime() - t0) / 1e9);
            created = step;
            double us = lookups(m, d, created, lookups, new Random(step));
            firstLookup = firstLookup == 0 ? us : firstLookup;
            System.out.printf("gfs-bench metric=dir_entries entries=%d create_per_s=%.0f lookup_us=%.1f "
                    + "lookup_vs_1k=%.2f%n", created, rate, us, us / firstLookup);
        }
    }

    private static void fill(BenchMount m, InodeId dir, long from, long to) throws IOException {
        for (long i = from; i < to; i++) {
            m.fs.create(dir, "file-" + i, 0644, 0, 0);
        }
    }

    private static double lookups(BenchMount m, InodeId dir, long entries, int n, Random rnd) throws IOException {
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            m.fs.lookup(dir, "file-" + (long) (rnd.nextDouble() * entries));
        }
        return (System.nanoTime() - t0) / 1e3 / n;
    }
}
