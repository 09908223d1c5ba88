package org.gfspnfs.bench.dlm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The DLM acceptance numbers of issue #6 in one run: remote lock latency as a ratio to bare Netty round trips over
 * loopback (target <= 1.5), cluster throughput (3 nodes, 10,000 resources) and local uncontended lock+unlock.
 *
 * <p>The latency ratio comes from {@link DlmRemoteLatencyBench#interleaved}: each sample is a remote lock+unlock
 * and two bare Netty round trips back to back, so that load from other processes on the machine hits both sides
 * alike. Each of {@code rounds} rounds also measures the two sides the plain way, one benchmark after the other
 * ({@code remoteLockUnlock}, {@code nettyTwoRoundTrips}, a fork each); the report gives every round's ratios and
 * the medians of both.
 *
 * <pre>java -cp bench/target/benchmarks.jar org.gfspnfs.bench.dlm.DlmBenchReport [rounds]</pre>
 */
public final class DlmBenchReport {
    private DlmBenchReport() {
    }

    public static void main(String[] args) throws RunnerException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        List<Double> interleaved = new ArrayList<>();
        List<Double> separate = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= rounds; i++) {
            RunResult r = run(DlmRemoteLatencyBench.class.getName() + ".interleaved$", 3, 3).iterator().next();
            double ours = r.getSecondaryResults().get("dlmNanos").getScore();
            double netty = r.getSecondaryResults().get("nettyNanos").getScore();
            double pairs = r.getSecondaryResults().get("pairs").getScore();
            interleaved.add(ours / netty);
            lines.add(String.format(Locale.ROOT, "round %d interleaved: remote lock+unlock %.1f us, 2 Netty round trips"
                    + " %.1f us (%.0f pairs), ratio %.2f", i, ours / pairs / 1000, netty / pairs / 1000, pairs,
                    ours / netty));
            Collection<RunResult> s = run(DlmRemoteLatencyBench.class.getName()
                    + ".(remoteLockUnlock|nettyTwoRoundTrips)$", 3, 2);
            double ours2 = score(s, "remoteLockUnlock");
            double netty2 = score(s, "nettyTwoRoundTrips");
            separate.add(ours2 / netty2);
            lines.add(String.format(Locale.ROOT, "round %d separate:    remote lock+unlock %.1f us, 2 Netty round trips"
                    + " %.1f us, ratio %.2f", i, ours2, netty2, ours2 / netty2));
        }
        Collection<RunResult> tp = run(DlmThroughputBench.class.getName() + ".lockUnlock$", 3, 3);
        Collection<RunResult> local = run(DlmLocalLockBench.class.getName() + ".lockUnlock$", 3, 2);
        System.out.println();
        System.out.println("DLM bench report (issue #6)");
        lines.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "remote latency / Netty round trip (target <= 1.5): median %.2f interleaved,"
                + " %.2f separate, over %d rounds%n", median(interleaved), median(separate), rounds);
        System.out.printf(Locale.ROOT, "throughput, 3 nodes, 10k resources, 6 threads: %,.0f lock+unlock/s%n",
                score(tp, "lockUnlock"));
        System.out.printf(Locale.ROOT, "local uncontended lock+unlock: %,.0f /s (target >= 1,000,000)%n",
                score(local, "lockUnlock"));
    }

    private static Collection<RunResult> run(String include, int iterations, int seconds) throws RunnerException {
        Options o = new OptionsBuilder().include(include).forks(1).warmupIterations(2)
                .warmupTime(TimeValue.seconds(2)).measurementIterations(iterations)
                .measurementTime(TimeValue.seconds(seconds)).build();
        return new Runner(o).run();
    }

    private static double score(Collection<RunResult> results, String method) {
        for (RunResult r : results) {
            if (r.getParams().getBenchmark().endsWith("." + method)) {
                return r.getPrimaryResult().getScore();
            }
        }
        throw new IllegalStateException("no result for " + method);
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}
