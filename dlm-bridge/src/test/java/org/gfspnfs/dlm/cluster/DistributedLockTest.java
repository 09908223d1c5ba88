package org.gfspnfs.dlm.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.gfspnfs.dlm.api.LockFlag;
import org.gfspnfs.dlm.api.LockMode;
import org.gfspnfs.dlm.api.LockOptions;
import org.gfspnfs.dlm.api.LockResult;
import org.gfspnfs.dlm.api.LockStatus;
import org.gfspnfs.dlm.api.Lockspace;
import org.gfspnfs.dlm.api.ResourceName;
import org.gfspnfs.dlm.net.msg.Grant;
import org.gfspnfs.dlm.net.msg.MessageType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DistributedLockTest {
    private static final Duration T = Duration.ofSeconds(10);
    private static MiniCluster cluster;
    private static int names;

    @BeforeAll
    static void up() throws InterruptedException {
        cluster = new MiniCluster(3);
    }

    @AfterAll
    static void down() {
        cluster.close();
    }

    private static ResourceName fresh() {
        return ResourceName.of("dist-" + (++names));
    }

    private static Lockspace ls(int node) {
        return cluster.node(node).lockspace("fs1");
    }

    @Test
    void lockOnResourceThisNodeMasters_sendsNoMessage() throws Exception {
        ResourceName r = fresh();
        ls(1).lock(r, LockMode.NL, LockOptions.defaults()).await(T);   // node 1 becomes master (first locker)
        long before = cluster.messagesSent();
        for (int i = 0; i < 100; i++) {
            var p = ls(1).lock(r, LockMode.EX, LockOptions.defaults());
            assertThat(p.await(T).status()).isEqualTo(LockStatus.GRANTED);
            p.lock().convert(LockMode.PR, java.util.Set.of()).get(10, java.util.concurrent.TimeUnit.SECONDS);
            p.lock().unlock().get(10, java.util.concurrent.TimeUnit.SECONDS);
        }
        assertThat(cluster.messagesSent()).isEqualTo(before);
    }

    @Test
    void remoteLock_costsAtMostTwoRoundTrips_andThenOne() throws Exception {
        ResourceName r = fresh();
        ls(1).lock(r, LockMode.NL, LockOptions.defaults()).await(T);   // master = node 1
        var before = cluster.node(2).transport().messagesSentByType();
        var p = ls(2).lock(r, LockMode.PR, LockOptions.defaults());
        assertThat(p.await(T).granted()).isTrue();
        var after = cluster.node(2).transport().messagesSentByType();
        long lookups = after.getOrDefault(MessageType.LOOKUP, 0L) - before.getOrDefault(MessageType.LOOKUP, 0L);
        long requests = after.getOrDefault(MessageType.LOCK_REQUEST, 0L)
                - before.getOrDefault(MessageType.LOCK_REQUEST, 0L);
        assertThat(lookups).isLessThanOrEqualTo(1);
        assertThat(requests).isEqualTo(1);
        long sent = cluster.node(2).transport().messagesSent();
        var q = ls(2).lock(r, LockMode.PR, LockOptions.defaults());
        assertThat(q.await(T).granted()).isTrue();
        assertThat(cluster.node(2).transport().messagesSent() - sent).isEqualTo(1); // master cached: one request
    }

    @Test
    void conflictingRequestFromAnotherNode_waits_holderGetsOneBlockingCallback_thenGrantAfterUnlock()
            throws Exception {
        ResourceName r = fresh();
        List<LockMode> basts = new CopyOnWriteArrayList<>();
        var holder = ls(1).lock(r, LockMode.EX, LockOptions.defaults().withBlocking((l, m) -> basts.add(m)));
        holder.await(T);
        var waiter = ls(2).lock(r, LockMode.PR, LockOptions.defaults().withBlocking((l, m) -> basts.add(m)));
        await().atMost(T).until(() -> basts.size() == 1);
        assertThat(basts).containsExactly(LockMode.PR);
        assertThat(waiter.result()).isNotDone();
        holder.lock().unlock().get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(waiter.await(T).status()).isEqualTo(LockStatus.GRANTED);
        assertThat(basts).hasSize(1);
    }

    @Test
    void remoteGrant_completesOnTheCallbackThread_neverOnAnIoThread() throws Exception {
        ResourceName r = fresh();
        var holder = ls(1).lock(r, LockMode.EX, LockOptions.defaults());
        holder.await(T);
        var waiter = ls(2).lock(r, LockMode.EX, LockOptions.defaults());
        var thread = waiter.result().thenApply(res -> Thread.currentThread().getName());
        holder.lock().unlock().get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(thread.get(10, java.util.concurrent.TimeUnit.SECONDS)).startsWith("dlm-callbacks-2");
    }

    @Test
    void conversionsUpAndDown_acrossNodes_withQuecvt() throws Exception {
        ResourceName r = fresh();
        var a = ls(1).lock(r, LockMode.CR, LockOptions.defaults());
        var b = ls(2).lock(r, LockMode.CR, LockOptions.defaults());
        var c = ls(3).lock(r, LockMode.PR, LockOptions.defaults());
        a.await(T);
        b.await(T);
        c.await(T);
        var aEx = a.lock().convert(LockMode.EX, java.util.Set.of());                     // queued behind b, c
        await().atMost(T).until(() -> cluster.node(1).lockspace("fs1").snapshot().ownLocks().stream()
                .anyMatch(i -> i.id().equals(a.lock().id()) && i.queue().endsWith("QUEUED")));
        assertThat(b.lock().convert(LockMode.PR, java.util.Set.of()).get(10, java.util.concurrent.TimeUnit.SECONDS).granted()).isTrue(); // passes a
        var cQuecvt = c.lock().convert(LockMode.CR, java.util.Set.of(LockFlag.QUECVT));         // waits behind a
        b.lock().unlock().get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(cQuecvt).isNotDone();
        assertThat(aEx).isNotDone();
        assertThat(c.lock().cancel().get(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();                                     // back to PR
        assertThat(cQuecvt.get(10, java.util.concurrent.TimeUnit.SECONDS).status()).isEqualTo(LockStatus.CANCELLED);
        assertThat(c.lock().grantedMode()).isEqualTo(LockMode.PR);
        c.lock().unlock().get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(aEx.get(10, java.util.concurrent.TimeUnit.SECONDS).grantedMode()).isEqualTo(LockMode.EX);
    }

    @Test
    void noqueueAcrossNodes_failsAtOnceWithWouldBlock() throws Exception {
        ResourceName r = fresh();
        ls(3).lock(r, LockMode.PW, LockOptions.defaults()).await(T);
        LockResult res = ls(1).lock(r, LockMode.PW, LockOptions.of(LockFlag.NOQUEUE)).await(T);
        assertThat(res.status()).isEqualTo(LockStatus.WOULD_BLOCK);
    }

    @Test
    void valueBlock_writtenOnOneNode_isReadOnAnother() throws Exception {
        ResourceName r = fresh();
        var w = ls(1).lock(r, LockMode.EX, LockOptions.of(LockFlag.VALBLK));
        w.await(T);
        w.lock().writeValueBlock(new byte[]{42, 43});
        w.lock().convert(LockMode.NL, java.util.Set.of(LockFlag.VALBLK)).get(10, java.util.concurrent.TimeUnit.SECONDS);
        LockResult read = ls(2).lock(r, LockMode.PR, LockOptions.of(LockFlag.VALBLK)).await(T);
        assertThat(read.valueBlock().value()).containsExactly(42, 43);
        assertThat(read.valueBlock().valid()).isTrue();
    }

    @Test
    void unexpectedMessage_isLoggedAndTheConnectionReset_lockStateIntact() throws Exception {
        ResourceName r = fresh();
        ls(1).lock(r, LockMode.NL, LockOptions.defaults()).await(T);
        var held = ls(2).lock(r, LockMode.PR, LockOptions.defaults());
        held.await(T);
        long resets = cluster.node(1).transport().connectionResets();
        // a grant for a lock node 1 never asked for
        cluster.node(2).transport().send(1, new Grant("fs1", 987_654_321L, LockMode.EX, null, false, 0, false),
                cluster.node(2).epoch());
        await().atMost(T).until(() -> cluster.node(1).transport().connectionResets() > resets);
        assertThat(ls(3).lock(r, LockMode.EX, LockOptions.of(LockFlag.NOQUEUE)).await(T).status())
                .isEqualTo(LockStatus.WOULD_BLOCK);
        held.lock().unlock().get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(ls(1).lock(r, LockMode.EX, LockOptions.defaults()).await(T).granted()).isTrue();
    }

    @Test
    void cancelOfRemoteWaitingRequest_completesItCancelled() throws Exception {
        ResourceName r = fresh();
        ls(1).lock(r, LockMode.EX, LockOptions.defaults()).await(T);
        var w = ls(2).lock(r, LockMode.EX, LockOptions.defaults());
        await().atMost(T).until(() -> cluster.node(1).lockspace("fs1").snapshot().mastered().stream()
                .anyMatch(ri -> ri.name().equals(r.toString()) && ri.waiting().size() == 1));
        assertThat(w.lock().cancel().get(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(w.await(T).status()).isEqualTo(LockStatus.CANCELLED);
    }
}
