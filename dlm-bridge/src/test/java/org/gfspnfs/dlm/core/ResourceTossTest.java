package org.gfspnfs.dlm.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.gfspnfs.dlm.api.LockFlag;
import org.gfspnfs.dlm.api.LockMode;
import org.gfspnfs.dlm.api.LockOptions;
import org.gfspnfs.dlm.api.LockResult;
import org.gfspnfs.dlm.api.LockStatus;
import org.gfspnfs.dlm.api.Lockspace;
import org.gfspnfs.dlm.api.ResourceName;
import org.gfspnfs.dlm.cluster.MiniCluster;
import org.junit.jupiter.api.Test;

/**
 * Resources nobody uses are freed (Linux dlm's toss list): on the master, with their directory entry, and in the
 * owners' caches. Without it a node that touches many names keeps all of them forever.
 */
class ResourceTossTest {
    private static final Duration T = Duration.ofSeconds(30);
    private static final Duration TOSS = Duration.ofMillis(200);

    @Test
    void hundredThousandDistinctNames_lockedAndUnlocked_leaveNothingBehind_onMasterDirectoryOrOwners()
            throws Exception {
        try (MiniCluster cluster = new MiniCluster(2, (id, cfg) -> cfg.withTossDelay(TOSS))) {
            Lockspace two = cluster.node(2).lockspace("fs");
            Lockspace one = cluster.node(1).lockspace("fs");
            int n = 100_000;
            lockAndUnlockAll(two, "name-", n);          // node 2 masters them; half the directory is on node 1
            lockAndUnlockAll(one, "name-", 10_000);     // node 1 locks some remotely: cached masters on node 1
            await().atMost(T).until(() -> empty(cluster, 1) && empty(cluster, 2));

            // the names work again, with one master each
            ResourceName r = ResourceName.of("name-7");
            assertThat(one.lock(r, LockMode.EX, LockOptions.defaults()).await(T).granted()).isTrue();
            LockResult other = two.lock(r, LockMode.EX, LockOptions.of(LockFlag.NOQUEUE)).await(T);
            assertThat(other.status()).isEqualTo(LockStatus.WOULD_BLOCK);
        }
    }

    @Test
    void ownerThatStillCachesAFreedMaster_isRedirected_andTheResourceKeepsOneMaster() throws Exception {
        // node 1 forgets nothing for an hour, node 2 frees after 200 ms
        try (MiniCluster cluster = new MiniCluster(2,
                (id, cfg) -> cfg.withTossDelay(id == 1 ? Duration.ofHours(1) : TOSS))) {
            Lockspace one = cluster.node(1).lockspace("fs");
            Lockspace two = cluster.node(2).lockspace("fs");
            ResourceName r = ResourceName.of("redirected");
            var first = two.lock(r, LockMode.EX, LockOptions.defaults());       // node 2 masters r
            first.await(T);
            var waiter = one.lock(r, LockMode.PR, LockOptions.defaults());      // node 1 caches master = 2
            first.lock().unlock().get();
            assertThat(waiter.await(T).granted()).isTrue();
            waiter.lock().unlock().get();
            await().atMost(T).until(() -> footprint(cluster, 2).mastered() == 0);
            assertThat(footprint(cluster, 1).cached()).isEqualTo(1);

            var again = one.lock(r, LockMode.EX, LockOptions.defaults());       // to node 2: NOT_MASTER, lookup
            assertThat(again.await(T).granted()).isTrue();
            var blocked = two.lock(r, LockMode.EX, LockOptions.of(LockFlag.NOQUEUE)).await(T);
            assertThat(blocked.status()).isEqualTo(LockStatus.WOULD_BLOCK);
            again.lock().unlock().get();
            assertThat(two.lock(r, LockMode.EX, LockOptions.defaults()).await(T).granted()).isTrue();
        }
    }

    private static void lockAndUnlockAll(Lockspace ls, String prefix, int count) {
        int window = 2_000;
        for (int base = 0; base < count; base += window) {
            List<CompletableFuture<LockResult>> unlocked = new ArrayList<>(window);
            for (int i = base; i < Math.min(count, base + window); i++) {
                Lockspace.PendingLock p = ls.lock(ResourceName.of(prefix + i), LockMode.EX, LockOptions.defaults());
                unlocked.add(p.result().thenCompose(x -> p.lock().unlock()));
            }
            CompletableFuture.allOf(unlocked.toArray(CompletableFuture[]::new)).join();
        }
    }

    private static LockspaceImpl.Footprint footprint(MiniCluster cluster, int node) {
        return ((LockspaceImpl) cluster.node(node).lockspace("fs")).footprint();
    }

    private static boolean empty(MiniCluster cluster, int node) {
        LockspaceImpl.Footprint f = footprint(cluster, node);
        return f.mastered() == 0 && f.directory() == 0 && f.cached() == 0 && f.ownLocks() == 0;
    }
}
