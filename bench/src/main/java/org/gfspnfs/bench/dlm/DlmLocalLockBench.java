package org.gfspnfs.bench.dlm;

import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.gfspnfs.dlm.api.Lock;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Local, uncontended operations on a resource this node masters (no message is sent), in operations per second.
 * Target: >= 1,000,000 lock+unlock pairs per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class DlmLocalLockBench {
    private BenchCluster cluster;
    private Lockspace ls;
    private Lock cached;
    private final ResourceName name = ResourceName.of("local-bench");
    private final LockOptions options = LockOptions.defaults();

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        cluster = new BenchCluster(1);
        ls = cluster.node(1).lockspace("bench");
        Lockspace.PendingLock p = ls.lock(ResourceName.of("local-convert"), LockMode.NL, options);
        p.result().join();
        cached = p.lock();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        cluster.close();
    }

    /** New lock in EX, then unlock: a short critical section. */
    @Benchmark
    public Object lockUnlock() {
        Lockspace.PendingLock p = ls.lock(name, LockMode.EX, options);
        p.result().join();
        return p.lock().unlock().join();
    }

    /** A cached lock converted NL -> EX -> NL: a glock taken and demoted. */
    @Benchmark
    public Object convertUpAndDown() {
        cached.convert(LockMode.EX, Set.of()).join();
        return cached.convert(LockMode.NL, Set.of()).join();
    }
}
