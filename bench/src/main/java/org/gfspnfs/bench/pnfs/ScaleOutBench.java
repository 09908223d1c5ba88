package org.gfspnfs.bench.pnfs;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gfspnfs.bench.nfs.LoadGen;
import org.gfspnfs.bench.nfs.LoadGenOptions;
import org.gfspnfs.bench.nfs.Metric;

/**
 * The scale-out simulation of issue 5: since one 2-core machine cannot show pNFS scaling directly, every data
 * server gets a simulated NIC (a token bucket of {@code --cap} MB/s per direction), and the same sequential workload
 * (the host-side load generator with {@code --pnfs}: write {@code --size} bytes with COMMIT and LAYOUTCOMMIT, then
 * read them back, every block checked) runs against 1, 2, ... {@code --max-ds} data servers, each count on a fresh
 * image. Prints the load generator's lines, then a table of aggregate throughput and its fraction of linear
 * scaling: MB/s(n) / (n * MB/s(1)), measured in the same run.
 *
 * <pre>java -cp bench/target/benchmarks.jar org.gfspnfs.bench.pnfs.ScaleOutBench [--size 1g] [--cap 40]
 *     [--max-ds 4] [--streams 4] [--stripe-unit 1m] [--dir /tmp/gfspnfs-scaleout] [--data-servers local|remote]</pre>
 *
 * <p>{@code --data-servers remote} puts the data servers on a second mount of the image, linked to the MDS over the
 * control channel, as on a node without the MDS role; the table then also shows how often each mount gave up a
 * glock (allocation and LAYOUTCOMMIT on the MDS mount take inode glocks from the data servers' mount once per chunk
 * or commit, never per write).
 */
public final class ScaleOutBench {
    private ScaleOutBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args, System.getProperty("java.io.tmpdir") + "/gfspnfs-scaleout");
        long size = bytes(o.get("size"));
        long cap = Long.parseLong(o.get("cap")) * 1_000_000L;
        int maxDs = Integer.parseInt(o.get("max-ds"));
        int stripeUnit = (int) bytes(o.get("stripe-unit"));
        Path dir = Path.of(o.get("dir"));
        boolean remote = o.get("data-servers").equals("remote");
        if (!remote && !o.get("data-servers").equals("local")) {
            throw new IllegalArgumentException("--data-servers local|remote");
        }
        PrintStream out = System.out;
        out.printf(Locale.ROOT, "scale-out: %d MiB per run, cap %d MB/s per data server and direction, %s streams,"
                + " stripe unit %d KiB, %s data servers%n", size >> 20, cap / 1_000_000, o.get("streams"),
                stripeUnit >> 10, o.get("data-servers"));
        List<double[]> rows = new ArrayList<>();
        for (int n = 1; n <= maxDs; n++) {
            rows.add(run(o, dir, size, n, cap, stripeUnit, remote, out));
        }
        // The same workload without caps on the largest count: the machine's own ceiling, measured in the same run.
        // The capped rows only mean something if their sum stays well below it.
        double[] ceiling = run(o, dir, size, maxDs, 0, stripeUnit, remote, out);
        table(out, rows, cap);
        out.printf(Locale.ROOT, "%nuncapped, %d data servers: write %.1f MB/s, read %.1f MB/s (caps at %d data servers:"
                + " %d MB/s)%n", maxDs, ceiling[1], ceiling[2], maxDs, maxDs * cap / 1_000_000);
    }

    private static double[] run(Map<String, String> o, Path dir, long size, int n, long cap, int stripeUnit,
                                boolean remote, PrintStream out) throws Exception {
        try (ScaleOutCluster cluster = new ScaleOutCluster(dir, size + size / 2 + (256L << 20), n, cap, stripeUnit,
                remote)) {
            LoadGenOptions lg = LoadGenOptions.parse(new String[] {"--server", "127.0.0.1:"
                    + cluster.mdsAddress().getPort(), "--export", "/export", "--workload", "seq-write,seq-read",
                    "--streams", o.get("streams"), "--size", o.get("size"), "--pnfs", "--tcp-seconds", "0"});
            long mdsDemotes = cluster.mdsDemotes();
            long dsDemotes = cluster.dsDemotes();
            List<Metric> metrics = new LoadGen(lg, out).run();
            return new double[] {n, find(metrics, "pnfs-seq-write"), find(metrics, "pnfs-seq-read"),
                    cluster.mdsDemotes() - mdsDemotes, cluster.dsDemotes() - dsDemotes};
        }
    }

    private static double find(List<Metric> metrics, String name) {
        return metrics.stream().filter(m -> m.name().equals(name)).mapToDouble(Metric::mbPerSecond).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + name + " measured"));
    }

    private static void table(PrintStream out, List<double[]> rows, long cap) {
        double w1 = rows.get(0)[1];
        double r1 = rows.get(0)[2];
        out.println();
        out.println("| data servers | cap (sum) MB/s | write MB/s | write / linear | read MB/s | read / linear |"
                + " glock demotes MDS mount | glock demotes DS mount |");
        out.println("|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (double[] r : rows) {
            int n = (int) r[0];
            out.printf(Locale.ROOT, "| %d | %d | %.1f | %.2f | %.1f | %.2f | %d | %d |%n", n, n * cap / 1_000_000,
                    r[1], r[1] / (n * w1), r[2], r[2] / (n * r1), (long) r[3], (long) r[4]);
        }
    }

    /** "1g", "512m", "64k" or plain bytes. */
    private static long bytes(String v) {
        String s = v.toLowerCase(Locale.ROOT);
        long unit = s.endsWith("g") ? 1L << 30 : s.endsWith("m") ? 1L << 20 : s.endsWith("k") ? 1L << 10 : 1;
        return Long.parseLong(unit == 1 ? s : s.substring(0, s.length() - 1)) * unit;
    }

    private static Map<String, String> options(String[] args, String defaultDir) {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("size", "1g");
        o.put("cap", "40");
        o.put("max-ds", "4");
        o.put("streams", "4");
        o.put("stripe-unit", "1m");
        o.put("dir", defaultDir);
        o.put("data-servers", "local");
        for (int i = 0; i < args.length; i += 2) {
            String key = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (!o.containsKey(key) || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: ScaleOutBench [--size 1g] [--cap MBps] [--max-ds N]"
                        + " [--streams N] [--stripe-unit 1m] [--dir D] [--data-servers local|remote]; bad argument "
                        + args[i]);
            }
            o.put(key, args[i + 1]);
        }
        return o;
    }
}
