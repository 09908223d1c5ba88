package org.gfspnfs.gfs.profile;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import org.gfspnfs.gfs.FileSystem;
import org.gfspnfs.gfs.FileSystems;
import org.gfspnfs.gfs.InodeId;
import org.gfspnfs.gfs.Mkfs;
import org.gfspnfs.gfs.MkfsOptions;
import org.gfspnfs.gfs.MountOptions;
import org.gfspnfs.gfs.MountStats;
import org.gfspnfs.gfs.device.FileBlockDevice;
import org.gfspnfs.gfs.lock.LocalLockModule;

/**
 * Profiling harness, not a test (never run by surefire: no *Test name): creates, looks up and unlinks N files in
 * one directory on an image file and prints per-operation cost with the journal commits, device flushes, reads and
 * writes each operation caused; then a sequential write and read through the API against raw FileChannel I/O.
 *
 * <p>Run: {@code java -cp target/classes:target/test-classes:<deps> org.gfspnfs.gfs.profile.MetadataProfile
 * [dir] [files] [MiB]}.
 */
public final class MetadataProfile {
    private MetadataProfile() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : System.getProperty("java.io.tmpdir"));
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int mib = args.length > 2 ? Integer.parseInt(args[2]) : 1024;
        Path image = Files.createTempFile(dir, "gfs-profile", ".img");
        try {
            long size = (long) mib * 3 / 2 * (1 << 20) + (512L << 20);
            try (FileBlockDevice raw = FileBlockDevice.create(image, size)) {
                Mkfs.format(raw, MkfsOptions.defaults("bench:profile").withUuid(UUID.randomUUID()));
            }
            for (int round = 0; round < 2; round++) {
                System.out.println("== round " + round);
                metadata(image, n, round);
                data(image, dir, mib);
            }
            try (FileBlockDevice raw = FileBlockDevice.openReadOnly(image)) {
                org.gfspnfs.gfs.fsck.FsckReport r = org.gfspnfs.gfs.fsck.Fsck.run(raw,
                        org.gfspnfs.gfs.fsck.FsckMode.CHECK, org.gfspnfs.gfs.fsck.FsckProgress.NONE);
                System.out.println("fsck: clean=" + r.clean() + " " + r.errors());
            }
        } finally {
            Files.deleteIfExists(image);
        }
    }

    private static void metadata(Path image, int n, int round) throws Exception {
        try (LocalLockModule locks = new LocalLockModule();
             CountingDevice dev = new CountingDevice(FileBlockDevice.open(image));
             FileSystem fs = FileSystems.mount(dev, MountOptions.of(0, locks))) {
            InodeId d = fs.mkdir(fs.root(), "d" + round, 0755, 0, 0).id();
            InodeId[] ids = new InodeId[n];
            Phase p = new Phase("create", fs, dev);
            for (int i = 0; i < n; i++) {
                ids[i] = fs.create(d, "file-" + i, 0644, 0, 0).id();
            }
            p.end(n);
            p = new Phase("lookup", fs, dev);
            for (int i = 0; i < n; i++) {
                if (!fs.lookup(d, "file-" + i).equals(ids[i])) {
                    throw new AssertionError("lookup of file-" + i);
                }
            }
            p.end(n);
            p = new Phase("getattr", fs, dev);
            for (int i = 0; i < n; i++) {
                fs.getattr(ids[i]);
            }
            p.end(n);
            p = new Phase("unlink", fs, dev);
            for (int i = 0; i < n; i++) {
                fs.unlink(d, "file-" + i);
            }
            p.end(n);
            p = new Phase("sync", fs, dev);
            fs.sync();
            p.end(1);
            // What an NFS OPEN(create)+CLOSE and REMOVE do: the server holds the iopen glock while the file is open.
            p = new Phase("create+open+close", fs, dev);
            for (int i = 0; i < n; i++) {
                ids[i] = fs.create(d, "nfs-" + i, 0644, 0, 0).id();
                fs.open(ids[i]).close();
            }
            p.end(n);
            p = new Phase("lookup+unlink", fs, dev);
            for (int i = 0; i < n; i++) {
                fs.lookup(d, "nfs-" + i);
                fs.unlink(d, "nfs-" + i);
            }
            p.end(n);
        }
    }

    private static void data(Path image, Path dir, int mib) throws Exception {
        long bytes = (long) mib << 20;
        ByteBuffer big = ByteBuffer.allocateDirect(1 << 20);
        for (int i = 0; i < big.capacity(); i++) {
            big.put(i, (byte) (i * 31));
        }
        Path rawFile = Files.createTempFile(dir, "gfs-raw", ".bin");
        try (LocalLockModule locks = new LocalLockModule();
             CountingDevice dev = new CountingDevice(FileBlockDevice.open(image));
             FileSystem fs = FileSystems.mount(dev, MountOptions.of(0, locks));
             FileChannel ch = FileChannel.open(rawFile, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            InodeId f = fs.create(fs.root(), "big-" + System.nanoTime(), 0644, 0, 0).id();
            for (int chunk : new int[] {1 << 20, 64 << 10}) {
                double[] best = new double[4];
                for (int rep = 0; rep < 3; rep++) {
                    ByteBuffer buf = big.slice(0, chunk);
                    Phase p = new Phase("api write " + (chunk >> 10) + "K", fs, dev);
                    long t0 = System.nanoTime();
                    for (long off = 0; off < bytes; off += chunk) {
                        fs.write(f, off, buf.clear());
                    }
                    fs.fsync(f);
                    best[0] = Math.max(best[0], mbps(bytes, System.nanoTime() - t0));
                    p.end((int) (bytes / chunk));
                    t0 = System.nanoTime();
                    for (long off = 0; off < bytes; off += chunk) {
                        ch.write(buf.clear(), off);
                    }
                    ch.force(false);
                    best[1] = Math.max(best[1], mbps(bytes, System.nanoTime() - t0));
                    p = new Phase("api read " + (chunk >> 10) + "K", fs, dev);
                    t0 = System.nanoTime();
                    for (long off = 0; off < bytes; off += chunk) {
                        fs.read(f, off, buf.clear());
                    }
                    best[2] = Math.max(best[2], mbps(bytes, System.nanoTime() - t0));
                    p.end((int) (bytes / chunk));
                    t0 = System.nanoTime();
                    for (long off = 0; off < bytes; off += chunk) {
                        ch.read(buf.clear(), off);
                    }
                    best[3] = Math.max(best[3], mbps(bytes, System.nanoTime() - t0));
                }
                java.util.List<org.gfspnfs.gfs.Extent> ext = fs.mapRange(f, 0, bytes);
                System.out.println("file extents: " + ext.size() + " " + ext.subList(0, Math.min(6, ext.size())).stream().map(e -> (e.deviceOffset() >> 12) + "+" + (e.length() >> 12)).toList());
                System.out.printf("chunk %dK write (overwrite): api %.0f MB/s raw %.0f MB/s ratio %.2f%n", chunk >> 10,
                        best[0], best[1], best[0] / best[1]);
                System.out.printf("chunk %dK read:              api %.0f MB/s raw %.0f MB/s ratio %.2f%n", chunk >> 10,
                        best[2], best[3], best[2] / best[3]);
            }
            fs.setattr(f, org.gfspnfs.gfs.SetAttributes.NONE.withSize(0));
        } finally {
            Files.deleteIfExists(rawFile);
        }
    }

    private static double mbps(long bytes, long nanos) {
        return bytes / 1e6 / (nanos / 1e9);
    }

    /** One measured phase: wall time and counter deltas divided by the operation count. */
    private static final class Phase {
        private final String name;
        private final FileSystem fs;
        private final CountingDevice dev;
        private final long t0 = System.nanoTime();
        private final long[] c0;
        private final MountStats s0;

        Phase(String name, FileSystem fs, CountingDevice dev) {
            this.name = name;
            this.fs = fs;
            this.dev = dev;
            this.c0 = dev.snapshot();
            this.s0 = fs.stats();
        }

        void end(int ops) {
            double us = (System.nanoTime() - t0) / 1e3 / ops;
            long[] c = dev.snapshot();
            MountStats s = fs.stats();
            System.out.printf("%-22s %9.1f us/op  commits/op %.3f  flushes/op %.3f  reads/op %.2f (%.0f B)"
                            + "  writes/op %.2f (%.0f B)  demotes %d  checkpoints %d%n", name, us,
                    (s.journalCommits() - s0.journalCommits()) / (double) ops, (c[4] - c0[4]) / (double) ops,
                    (c[0] - c0[0]) / (double) ops, (c[1] - c0[1]) / (double) ops,
                    (c[2] - c0[2]) / (double) ops, (c[3] - c0[3]) / (double) ops, s.glockDemotes() - s0.glockDemotes(),
                    s.checkpoints() - s0.checkpoints());
        }
    }
}
