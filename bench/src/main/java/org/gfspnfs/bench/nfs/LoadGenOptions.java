package org.gfspnfs.bench.nfs;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The load generator's command line, parsed and checked in one place. Sizes take K, M, G suffixes (powers of 2).
 *
 * @param server     NFS server (MDS) address
 * @param export     path from the server's root to work under
 * @param workloads  in run order
 * @param streams    stream counts of the sequential workloads
 * @param size       bytes of each sequential run (split over the streams)
 * @param files      files of the create / readdir / remove workloads
 * @param listings   READDIR passes over the directory of {@code files}. A 10k listing takes 8-20 ms, and a node's
 *                   young collections come 1.5-2 s apart and stop it for 50-250 ms: with 30 listings (0.3 s) one
 *                   pause cost a run a quarter of its rate, and whether a run caught one decided the row. 100
 *                   listings last about as long as the gap between two collections, so each run pays about its share.
 * @param randOps    4 KiB operations of each random I/O phase
 * @param randFile   size of the random I/O file
 * @param pnfs       sequential workloads through layouts to the data servers instead of through the server
 * @param ioSize     READ/WRITE size (0: 1 MiB, lowered to what the server allows)
 * @param depth      requests in flight per stream (0: 16 split over the streams, at least 2)
 * @param nconnect   TCP connections of each session (the Linux mount option); each sending thread keeps to one, so
 *                   with N streams and nconnect >= N every stream has a connection of its own
 * @param clientWarmup untimed passes of each sequential workload this JVM runs right before measuring it (its own
 *                   JIT; the server's warm-up is the caller's business)
 * @param tcpSeconds duration of the loopback TCP ceiling measurement (0: skip)
 * @param storeDir   where the store ceiling writes its file, a local directory on the filesystem that holds the
 *                   servers' data (null: not measured); measured for as long as the TCP ceiling, right after it,
 *                   each stream over {@code size / streams} bytes of the file ({@link StoreCeiling})
 * @param workDir    directory created under the export for the run's files
 * @param keep       leave the files in place
 */
public record LoadGenOptions(InetSocketAddress server, String export, List<String> workloads, List<Integer> streams,
                             long size, int files, int listings, int randOps, long randFile, boolean pnfs, int ioSize,
                             int depth, int nconnect, int clientWarmup, Duration tcpSeconds, Path storeDir,
                             String workDir, boolean keep) {
    public static final List<String> ALL = List.of("seq-write", "seq-read", "creates", "readdir", "rand4k");

    public static final String USAGE = String.join("\n",
            "usage: LoadGen --server HOST:PORT [--export /] [--workload all|seq-write,seq-read,creates,readdir,rand4k]",
            "               [--streams 1,8] [--size 256m] [--files 10000] [--listings 100] [--rand-ops 100000]",
            "               [--rand-file 64m] [--pnfs] [--io-size 1m] [--depth N] [--nconnect 1] [--tcp-seconds 5]",
            "               [--client-warmup 2] [--store-dir LOCAL-DIR]",
            "               [--dir loadgen-PID] [--keep]",
            "Prints one line per metric: metric=NAME streams=N MBps=... ops=... ops_per_s=... seconds=... bytes=...");

    public static LoadGenOptions parse(String[] args) {
        String server = null;
        String export = "/";
        String workload = "all";
        String streams = "1,8";
        long size = 256L << 20;
        int files = 10_000;
        int listings = 100;
        // 5,000 operations took 0.16 s: that measured the connection's first moments and both JITs, not the
        // server's steady state (x2.5 between 5k and 100k operations on the same server).
        int randOps = 100_000;
        long randFile = 64L << 20;
        boolean pnfs = false;
        int ioSize = 0;
        int depth = 0;
        int nconnect = 1;
        int clientWarmup = 2;
        int tcp = 5;
        Path storeDir = null;
        String dir = "loadgen-" + ProcessHandle.current().pid();
        boolean keep = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--pnfs" -> pnfs = true;
                case "--keep" -> keep = true;
                case "-h", "--help" -> throw new IllegalArgumentException(USAGE);
                default -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("missing value after " + a + "\n" + USAGE);
                    }
                    String v = args[++i];
                    switch (a) {
                        case "--server" -> server = v;
                        case "--export" -> export = v;
                        case "--workload" -> workload = v;
                        case "--streams" -> streams = v;
                        case "--size" -> size = bytes(v);
                        case "--files" -> files = Integer.parseInt(v);
                        case "--listings" -> listings = Integer.parseInt(v);
                        case "--rand-ops" -> randOps = Integer.parseInt(v);
                        case "--rand-file" -> randFile = bytes(v);
                        case "--io-size" -> ioSize = (int) bytes(v);
                        case "--depth" -> depth = Integer.parseInt(v);
                        case "--nconnect" -> nconnect = nconnect(v);
                        case "--client-warmup" -> clientWarmup = Integer.parseInt(v);
                        case "--tcp-seconds" -> tcp = Integer.parseInt(v);
                        case "--store-dir" -> storeDir = directory(v);
                        case "--dir" -> dir = v;
                        default -> throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
                    }
                }
            }
        }
        if (server == null) {
            throw new IllegalArgumentException("--server HOST:PORT is required\n" + USAGE);
        }
        if (clientWarmup < 0) {
            throw new IllegalArgumentException("--client-warmup must be 0 or more, not " + clientWarmup);
        }
        return new LoadGenOptions(address(server), export, workloads(workload), streams(streams), size, files,
                listings, randOps, randFile, pnfs, ioSize, depth, nconnect, clientWarmup, Duration.ofSeconds(tcp),
                storeDir, dir, keep);
    }

    private static Path directory(String v) {
        Path p = Path.of(v);
        if (!Files.isDirectory(p)) {
            throw new IllegalArgumentException("--store-dir " + v + " is not a directory");
        }
        return p;
    }

    static InetSocketAddress address(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("--server wants HOST:PORT, not " + hostPort);
        }
        return new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
    }

    static List<String> workloads(String spec) {
        Set<String> out = new LinkedHashSet<>();
        for (String w : spec.split(",")) {
            if (w.equals("all")) {
                out.addAll(ALL);
            } else if (ALL.contains(w)) {
                out.add(w);
            } else {
                throw new IllegalArgumentException("unknown workload " + w + " (known: all, " + String.join(", ", ALL)
                        + ")");
            }
        }
        List<String> ordered = new ArrayList<>(ALL);
        ordered.retainAll(out);
        return ordered;
    }

    static List<Integer> streams(String spec) {
        List<Integer> out = new ArrayList<>();
        for (String s : spec.split(",")) {
            int n = Integer.parseInt(s.trim());
            if (n < 1 || n > 64) {
                throw new IllegalArgumentException("--streams values must be 1..64, not " + n);
            }
            out.add(n);
        }
        return out;
    }

    static int nconnect(String v) {
        int n = Integer.parseInt(v.trim());
        if (n < 1 || n > 16) {
            throw new IllegalArgumentException("--nconnect must be 1..16 (as the Linux mount option), not " + n);
        }
        return n;
    }

    /** "1g", "256m", "4k", "4096" to bytes. */
    static long bytes(String v) {
        String s = v.trim().toLowerCase(Locale.ROOT);
        long unit = 1;
        char last = s.charAt(s.length() - 1);
        if (last == 'k' || last == 'm' || last == 'g') {
            unit = last == 'k' ? 1L << 10 : last == 'm' ? 1L << 20 : 1L << 30;
            s = s.substring(0, s.length() - 1);
        }
        return Long.parseLong(s) * unit;
    }
}
