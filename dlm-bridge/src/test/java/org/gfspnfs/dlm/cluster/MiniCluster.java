package org.gfspnfs.dlm.cluster;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;

import org.gfspnfs.dlm.core.DlmConfig;
import org.gfspnfs.dlm.core.DlmNode;
import org.gfspnfs.membership.api.ManualMembership;
import org.gfspnfs.membership.api.Member;

/**
 * In-JVM DLM cluster on loopback for tests: every node is a real {@link DlmNode} with its own Netty transport; the
 * member view is a {@link ManualMembership}, so the test decides when a node is lost and when it is fenced.
 * {@link #kill} is a crash (no goodbye), {@link #isolate} a partition (traffic dropped both ways), {@link #fence}
 * the fencing agent's success, {@link #restart} a new incarnation joining.
 */
public final class MiniCluster implements AutoCloseable {
    private final ManualMembership membership;
    private final Map<Integer, DlmNode> nodes = new TreeMap<>();
    private final AtomicLong incarnations = new AtomicLong(1000);
    private final BiFunction<Integer, DlmConfig, DlmConfig> tune;

    public MiniCluster(int size) throws InterruptedException {
        this(size, Duration.ZERO, DlmConfig.DeadlockPolicy.FAIL_YOUNGEST);
    }

    public MiniCluster(int size, Duration deadlockInterval, DlmConfig.DeadlockPolicy policy)
            throws InterruptedException {
        this(size, (id, cfg) -> cfg.withDeadlockDetection(deadlockInterval, policy));
    }

    /** A cluster whose node {@code id} runs with {@code tune.apply(id, defaults)}. */
    public MiniCluster(int size, BiFunction<Integer, DlmConfig, DlmConfig> tune) throws InterruptedException {
        this.membership = new ManualMembership(size);
        this.tune = tune;
        for (int id = 1; id <= size; id++) {
            start(id);
        }
        awaitStable();
    }

    private synchronized void start(int id) throws InterruptedException {
        long inc = incarnations.incrementAndGet();
        DlmConfig cfg = tune.apply(id, DlmConfig.defaults(id, inc));
        DlmNode node = DlmNode.start(cfg, addr -> membership.join(new Member(id, "node" + id, inc, addr)));
        nodes.put(id, node);
    }

    public synchronized DlmNode node(int id) {
        DlmNode n = nodes.get(id);
        if (n == null) {
            throw new IllegalArgumentException("node " + id + " is not running");
        }
        return n;
    }

    /** The node if it is running, else null. */
    public synchronized DlmNode nodeOrNull(int id) {
        return nodes.get(id);
    }

    /** The member view node {@code id} follows (for components that, like the glock module, watch members too). */
    public synchronized org.gfspnfs.membership.api.MemberView memberView(int id) {
        return membership.view(id).orElseThrow(() -> new IllegalArgumentException("node " + id + " is no member"));
    }

    public synchronized List<Integer> liveNodes() {
        return new ArrayList<>(nodes.keySet());
    }

    /** Crash: the node stops at once; survivors see it leave (not yet fenced). */
    public synchronized void kill(int id) {
        DlmNode n = nodes.remove(id);
        n.close();
        membership.crash(id);
    }

    /** Partition: traffic to and from the node is dropped; survivors see it leave, it sees them leave. */
    public synchronized void isolate(int id) {
        DlmNode victim = node(id);
        for (Map.Entry<Integer, DlmNode> e : nodes.entrySet()) {
            if (e.getKey() != id) {
                e.getValue().transport().block(id, true);
                victim.transport().block(e.getKey(), true);
            }
        }
        membership.isolate(id);
    }

    /** Fencing succeeded: an isolated node still running is stopped first (the poison pill). */
    public synchronized void fence(int id) {
        DlmNode n = nodes.remove(id);
        if (n != null) {
            n.close();
        }
        membership.fence(id);
    }

    public void killAndFence(int id) {
        kill(id);
        fence(id);
    }

    /** A new incarnation of a node that was killed (and fenced) joins again. */
    public void restart(int id) throws InterruptedException {
        start(id);
    }

    /** Waits until every live node runs the same completed epoch. */
    public void awaitStable() {
        try {
            awaitStableOrFail();
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            StringBuilder sb = new StringBuilder("cluster not stable:\n");
            synchronized (this) {
                nodes.forEach((id, n) -> sb.append(" node ").append(id).append(' ').append(n.snapshot().state())
                        .append(" members ").append(n.snapshot().members()).append('\n'));
            }
            Thread.getAllStackTraces().forEach((t, st) -> {
                if (t.getName().startsWith("dlm-") || t.getName().startsWith("member-view")) {
                    sb.append(t.getName()).append('\n');
                    for (StackTraceElement el : st) {
                        sb.append("    at ").append(el).append('\n');
                    }
                }
            });
            throw new AssertionError(sb.toString(), e);
        }
    }

    private void awaitStableOrFail() {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(10)).until(() -> {
            synchronized (this) {
                long epoch = -1;
                for (DlmNode n : nodes.values()) {
                    if (!n.running() || n.snapshot().members().size() != nodes.size()) {
                        return false;
                    }
                    if (epoch != -1 && n.epoch() != epoch) {
                        return false;
                    }
                    epoch = n.epoch();
                }
                return true;
            }
        });
    }

    /** Messages sent by all live nodes so far. */
    public synchronized long messagesSent() {
        return nodes.values().stream().mapToLong(n -> n.transport().messagesSent()).sum();
    }

    @Override
    public synchronized void close() {
        nodes.values().forEach(DlmNode::close);
        nodes.clear();
        membership.close();
    }
}
