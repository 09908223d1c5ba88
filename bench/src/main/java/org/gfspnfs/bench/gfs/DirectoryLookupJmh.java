package org.gfspnfs.bench.gfs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.gfspnfs.gfs.GfsException;
import org.gfspnfs.gfs.InodeId;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: lookup of a random existing name in one directory of 1k, 10k and 100k entries (FORMAT.md: one hash-table
 * block and one leaf per lookup, so the score should not grow with the directory).
 * Run: {@code java -jar benchmarks.jar DirectoryLookupJmh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class DirectoryLookupJmh {
    @Param({"1000", "10000", "100000"})
    int entries;

    private Path image;
    private BenchMount mount;
    private InodeId dir;

    @Setup(Level.Trial)
    public void fill() throws IOException {
        image = Files.createTempFile("gfs-lookup-jmh", ".img");
        mount = BenchMount.fresh(image, (entries + 1000L) * 4096 * 5 / 4 + (256L << 20));
        dir = mount.fs.mkdir(mount.fs.root(), "d", 0755, 0, 0).id();
        for (int i = 0; i < entries; i++) {
            mount.fs.create(dir, "file-" + i, 0644, 0, 0);
        }
        mount.fs.sync();
    }

    @TearDown(Level.Trial)
    public void drop() throws IOException {
        mount.close();
        Files.deleteIfExists(image);
    }

    @Benchmark
    public InodeId lookup() throws GfsException {
        return mount.fs.lookup(dir, "file-" + ThreadLocalRandom.current().nextInt(entries));
    }
}
