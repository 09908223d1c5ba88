package org.gfspnfs.bench.dlm;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.gfspnfs.dlm.api.LockMode;
import org.gfspnfs.dlm.api.LockOptions;
import org.gfspnfs.dlm.api.Lockspace;
import org.gfspnfs.dlm.api.ResourceName;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cluster throughput: 3 nodes, 10,000 resources mastered round-robin over the nodes; each benchmark thread is bound
 * to one node and does lock (PR 3 times in 4, else EX) + unlock on random resources, so about two thirds of the
 * operations go to a remote master. Operations = lock+unlock pairs per second, all threads together.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Threads(6)
public class DlmThroughputBench {
    static final int NODES = 3;
    static final int RESOURCES = 10_000;
    private BenchCluster cluster;
    private ResourceName[] names;
    private final AtomicInteger threads = new AtomicInteger();
    private final LockOptions options = LockOptions.defaults();

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        cluster = new BenchCluster(NODES);
        names = new ResourceName[RESOURCES];
        for (int i = 0; i < RESOURCES; i++) {
            names[i] = ResourceName.of("tp-" + i);
            Lockspace ls = cluster.node(1 + i % NODES).lockspace("bench");
            ls.lock(names[i], LockMode.NL, options).result().join(); // master = first locker
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        cluster.close();
    }

    /** The node a benchmark thread works on. */
    @State(Scope.Thread)
    public static class Worker {
        Lockspace ls;

        @Setup(Level.Trial)
        public void bind(DlmThroughputBench bench) {
            ls = bench.cluster.node(1 + bench.threads.getAndIncrement() % NODES).lockspace("bench");
        }
    }

    @Benchmark
    public Object lockUnlock(Worker w) {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        ResourceName r = names[rnd.nextInt(RESOURCES)];
        Lockspace.PendingLock p = w.ls.lock(r, rnd.nextInt(4) == 0 ? LockMode.EX : LockMode.PR, options);
        p.result().join();
        return p.lock().unlock().join();
    }
}
