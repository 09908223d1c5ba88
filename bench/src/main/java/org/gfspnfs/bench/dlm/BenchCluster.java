package org.gfspnfs.bench.dlm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.gfspnfs.dlm.core.DlmConfig;
import org.gfspnfs.dlm.core.DlmNode;
import org.gfspnfs.membership.api.ManualMembership;
import org.gfspnfs.membership.api.Member;

/** A few DLM nodes on loopback with a hand-driven member view, for benchmarks. */
final class BenchCluster implements AutoCloseable {
    private final ManualMembership membership;
    private final List<DlmNode> nodes = new ArrayList<>();

    BenchCluster(int size) throws InterruptedException {
        membership = new ManualMembership(size);
        for (int id = 1; id <= size; id++) {
            int nodeId = id;
            long inc = System.nanoTime();
            nodes.add(DlmNode.start(DlmConfig.defaults(id, inc),
                    addr -> membership.join(new Member(nodeId, "bench" + nodeId, inc, addr))));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!stable()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("bench cluster did not start");
            }
            Thread.sleep(10);
        }
    }

    private boolean stable() {
        long epoch = nodes.get(0).epoch();
        for (DlmNode n : nodes) {
            if (!n.running() || n.epoch() != epoch || n.snapshot().members().size() != nodes.size()) {
                return false;
            }
        }
        return true;
    }

    DlmNode node(int id) {
        return nodes.get(id - 1);
    }

    @Override
    public void close() {
        nodes.forEach(DlmNode::close);
        membership.close();
    }
}
