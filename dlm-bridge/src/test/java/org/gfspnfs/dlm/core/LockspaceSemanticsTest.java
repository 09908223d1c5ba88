package org.gfspnfs.dlm.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.gfspnfs.dlm.api.LockFlag;
import org.gfspnfs.dlm.api.LockMode;
import org.gfspnfs.dlm.api.LockOptions;
import org.gfspnfs.dlm.api.LockResult;
import org.gfspnfs.dlm.api.LockStateException;
import org.gfspnfs.dlm.api.LockStatus;
import org.gfspnfs.dlm.api.Lockspace;
import org.gfspnfs.dlm.api.ResourceName;
import org.gfspnfs.dlm.api.query.ResourceInfo;
import org.gfspnfs.dlm.cluster.MiniCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The application-facing semantics on one node (resources mastered locally, no messages). */
class LockspaceSemanticsTest {
    private static final Duration T = Duration.ofSeconds(10);
    private static MiniCluster cluster;
    private static Lockspace ls;
    private static int names;

    @BeforeAll
    static void up() throws InterruptedException {
        cluster = new MiniCluster(1);
        ls = cluster.node(1).lockspace("local");
    }

    @AfterAll
    static void down() {
        cluster.close();
    }

    private static ResourceName fresh() {
        return ResourceName.of("sem-" + (++names));
    }

    @Test
    void completionAndBlockingCallbacks_runOffTheCallerAndNeverOnIoThreads_blockingCarriesTheMode()
            throws Exception {
        ResourceName r = fresh();
        List<String> seen = new CopyOnWriteArrayList<>();
        var h = ls.lock(r, LockMode.PR, LockOptions.defaults().withBlocking((l, m) ->
                seen.add(m + " on " + Thread.currentThread().getName())));
        h.await(T);
        var w = ls.lock(r, LockMode.EX, LockOptions.defaults().withBlocking((l, m) -> seen.add("requester!")));
        await().atMost(T).until(() -> seen.size() == 1);
        assertThat(seen.get(0)).startsWith("EX on dlm-callbacks-");
        h.lock().unlock().get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(w.await(T).granted()).isTrue();
        assertThat(seen).hasSize(1);
    }

    @Test
    void blockingCallback_exactlyOncePerBlockingRequest() throws Exception {
        ResourceName r = fresh();
        List<LockMode> basts = new CopyOnWriteArrayList<>();
        var h = ls.lock(r, LockMode.EX, LockOptions.defaults().withBlocking((l, m) -> basts.add(m)));
        h.await(T);
        ls.lock(r, LockMode.PR, LockOptions.defaults());
        ls.lock(r, LockMode.CR, LockOptions.defaults());
        var nl = ls.lock(r, LockMode.NL, LockOptions.defaults());  // compatible: no callback, but queued behind
        h.lock().convert(LockMode.EX, Set.of()).get(10, java.util.concurrent.TimeUnit.SECONDS);             // re-evaluation must not repeat callbacks
        await().atMost(T).until(() -> basts.size() == 2);
        assertThat(basts).containsExactlyInAnyOrder(LockMode.PR, LockMode.CR);
        assertThat(nl.result()).isNotDone();
    }

    @Test
    void sameTwoLocksPingPonging_eachNewBlockingRequestIsNotifiedAgain() throws Exception {
        ResourceName r = fresh();
        List<LockMode> toA = new CopyOnWriteArrayList<>();
        var a = ls.lock(r, LockMode.EX, LockOptions.defaults().withBlocking((l, m) -> toA.add(m)));
        a.await(T);
        var b = ls.lock(r, LockMode.NL, LockOptions.defaults());
        b.await(T);
        for (int round = 1; round <= 3; round++) {
            var up = b.lock().convert(LockMode.EX, Set.of());
            int expected = round;
            await().atMost(T).until(() -> toA.size() == expected);
            a.lock().convert(LockMode.NL, Set.of()).get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(up.get(10, java.util.concurrent.TimeUnit.SECONDS).granted()).isTrue();
            b.lock().convert(LockMode.NL, Set.of()).get(10, java.util.concurrent.TimeUnit.SECONDS);
            a.lock().convert(LockMode.EX, Set.of()).get(10, java.util.concurrent.TimeUnit.SECONDS);
        }
        assertThat(toA).containsExactly(LockMode.EX, LockMode.EX, LockMode.EX);
    }

    @Test
    void unlockOfWaitingLock_isRejected_cancelIsTheWay() throws Exception {
        ResourceName r = fresh();
        ls.lock(r, LockMode.EX, LockOptions.defaults()).await(T);
        var w = ls.lock(r, LockMode.EX, LockOptions.defaults());
        assertThatThrownBy(() -> w.lock().unlock()).isInstanceOf(LockStateException.class);
        assertThat(w.lock().cancel().get(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(w.await(T).status()).isEqualTo(LockStatus.CANCELLED);
        assertThat(w.lock().cancel().get(10, java.util.concurrent.TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void cancelOfConversion_keepsTheGrantedMode() throws Exception {
        ResourceName r = fresh();
        var a = ls.lock(r, LockMode.PR, LockOptions.defaults());
        a.await(T);
        ls.lock(r, LockMode.PR, LockOptions.defaults()).await(T);
        var conv = a.lock().convert(LockMode.EX, Set.of());
        assertThat(a.lock().cancel().get(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(conv.get(10, java.util.concurrent.TimeUnit.SECONDS).status()).isEqualTo(LockStatus.CANCELLED);
        assertThat(a.lock().grantedMode()).isEqualTo(LockMode.PR);
    }

    @Test
    void convdeadlk_throughTheApi_reportsDemoted() throws Exception {
        ResourceName r = fresh();
        var a = ls.lock(r, LockMode.PR, LockOptions.defaults());
        var b = ls.lock(r, LockMode.PR, LockOptions.defaults());
        a.await(T);
        b.await(T);
        var ca = a.lock().convert(LockMode.EX, Set.of());
        LockResult cb = b.lock().convert(LockMode.EX, Set.of()).get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(cb.status()).isEqualTo(LockStatus.DEADLOCK);
        assertThat(b.lock().grantedMode()).isEqualTo(LockMode.PR);
        var cb2 = b.lock().convert(LockMode.EX, Set.of(LockFlag.CONVDEADLK));
        assertThat(ca.get(10, java.util.concurrent.TimeUnit.SECONDS).granted()).isTrue();   // b demoted to NL, so a goes first
        a.lock().unlock().get(10, java.util.concurrent.TimeUnit.SECONDS);
        LockResult done = cb2.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(done.granted()).isTrue();
        assertThat(done.grantedMode()).isEqualTo(LockMode.EX);
    }

    @Test
    void snapshot_showsMasterQueuesLvbAndOwnLocks() throws Exception {
        ResourceName r = fresh();
        ls.lock(r, LockMode.EX, LockOptions.defaults().withHolder(7)).await(T);
        ls.lock(r, LockMode.PR, LockOptions.defaults());
        ResourceInfo info = ls.snapshot().mastered().stream().filter(i -> i.name().equals(r.toString()))
                .findFirst().orElseThrow();
        assertThat(info.master()).isEqualTo(1);
        assertThat(info.granted()).singleElement().satisfies(l -> {
            assertThat(l.granted()).isEqualTo(LockMode.EX);
            assertThat(l.holder()).isEqualTo(7);
        });
        assertThat(info.waiting()).singleElement().satisfies(l -> assertThat(l.requested()).isEqualTo(LockMode.PR));
        assertThat(info.valueBlock().valid()).isTrue();
        assertThat(cluster.node(1).snapshot().state()).isEqualTo("RUNNING");
    }

    @Test
    void resourceNames_longerThan64Bytes_areRejected() {
        assertThatThrownBy(() -> ResourceName.of("x".repeat(65))).isInstanceOf(IllegalArgumentException.class);
        assertThat(ResourceName.of("x".repeat(64)).length()).isEqualTo(64);
    }
}
