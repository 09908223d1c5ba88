package org.gfspnfs.dlm.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.gfspnfs.dlm.api.DeadlockReport;
import org.gfspnfs.dlm.api.LockMode;
import org.gfspnfs.dlm.api.LockOptions;
import org.gfspnfs.dlm.api.LockStatus;
import org.gfspnfs.dlm.api.Lockspace;
import org.gfspnfs.dlm.api.ResourceName;
import org.gfspnfs.dlm.core.DlmConfig;
import org.junit.jupiter.api.Test;

class DeadlockDetectionTest {
    private static final Duration T = Duration.ofSeconds(10);

    @Test
    void crossNodeCycle_isReportedWithResourcesAndHolders_andBrokenByFailingTheYoungestRequest() throws Exception {
        try (MiniCluster cluster = new MiniCluster(3)) {
            Lockspace ls1 = cluster.node(1).lockspace("dl");
            Lockspace ls2 = cluster.node(2).lockspace("dl");
            ResourceName a = ResourceName.of("A");
            ResourceName b = ResourceName.of("B");
            LockOptions holder1 = LockOptions.defaults().withHolder(100);
            LockOptions holder2 = LockOptions.defaults().withHolder(200);
            ls1.lock(a, LockMode.EX, holder1).await(T);
            ls2.lock(b, LockMode.EX, holder2).await(T);
            var w1 = ls1.lock(b, LockMode.EX, holder1);    // holder 100 waits for 200
            var w2 = ls2.lock(a, LockMode.EX, holder2);    // holder 200 waits for 100: a cycle across nodes
            await().atMost(T).until(() -> waiting(cluster) == 2);

            List<DeadlockReport> reports = ls1.detectDeadlocks().get(10, TimeUnit.SECONDS);

            assertThat(reports).hasSize(1);
            DeadlockReport r = reports.get(0);
            assertThat(r.edges()).extracting(e -> e.resource().toString()).containsExactlyInAnyOrder("A", "B");
            assertThat(r.edges()).extracting(e -> e.waiter().holder()).containsExactlyInAnyOrder(100L, 200L);
            var victim = r.victim().equals(w1.lock().id()) ? w1 : w2;
            var survivor = victim == w1 ? w2 : w1;
            assertThat(r.victim()).isIn(w1.lock().id(), w2.lock().id());
            assertThat(victim.await(T).status()).isEqualTo(LockStatus.DEADLOCK);
            assertThat(survivor.result()).isNotDone();
        }
    }

    @Test
    void waitWithoutCycle_isNotReported() throws Exception {
        try (MiniCluster cluster = new MiniCluster(2)) {
            Lockspace ls1 = cluster.node(1).lockspace("dl");
            Lockspace ls2 = cluster.node(2).lockspace("dl");
            ResourceName a = ResourceName.of("A");
            ls1.lock(a, LockMode.EX, LockOptions.defaults().withHolder(1)).await(T);
            var w = ls2.lock(a, LockMode.EX, LockOptions.defaults().withHolder(2));
            await().atMost(T).until(() -> waiting(cluster) == 1);
            assertThat(ls2.detectDeadlocks().get(10, TimeUnit.SECONDS)).isEmpty();
            assertThat(w.result()).isNotDone();
        }
    }

    @Test
    void periodicDetection_breaksACycleWithoutBeingAsked() throws Exception {
        try (MiniCluster cluster = new MiniCluster(2, Duration.ofMillis(200), DlmConfig.DeadlockPolicy.FAIL_YOUNGEST)) {
            Lockspace ls1 = cluster.node(1).lockspace("dl");
            Lockspace ls2 = cluster.node(2).lockspace("dl");
            ResourceName a = ResourceName.of("A");
            ResourceName b = ResourceName.of("B");
            ls1.lock(a, LockMode.PR, LockOptions.defaults().withHolder(1)).await(T);
            ls2.lock(b, LockMode.PR, LockOptions.defaults().withHolder(2)).await(T);
            var w1 = ls1.lock(b, LockMode.EX, LockOptions.defaults().withHolder(1));
            var w2 = ls2.lock(a, LockMode.EX, LockOptions.defaults().withHolder(2));
            await().atMost(T).until(() -> w1.result().isDone() || w2.result().isDone());
            long deadlocked = java.util.stream.Stream.of(w1, w2)
                    .filter(p -> p.result().isDone() && p.result().join().status() == LockStatus.DEADLOCK).count();
            assertThat(deadlocked).isEqualTo(1);
        }
    }

    private static int waiting(MiniCluster cluster) {
        int n = 0;
        for (int id : cluster.liveNodes()) {
            n += cluster.node(id).lockspace("dl").snapshot().mastered().stream()
                    .mapToInt(r -> r.waiting().size()).sum();
        }
        return n;
    }
}
