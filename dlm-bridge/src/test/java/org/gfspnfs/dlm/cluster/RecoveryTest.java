package org.gfspnfs.dlm.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.gfspnfs.dlm.api.LockFlag;
import org.gfspnfs.dlm.api.LockMode;
import org.gfspnfs.dlm.api.LockOptions;
import org.gfspnfs.dlm.api.LockResult;
import org.gfspnfs.dlm.api.LockStatus;
import org.gfspnfs.dlm.api.Lockspace;
import org.gfspnfs.dlm.api.ResourceName;
import org.gfspnfs.dlm.api.query.ResourceInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RecoveryTest {
    private static final Duration T = Duration.ofSeconds(15);
    private MiniCluster cluster;

    @AfterEach
    void down() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private Lockspace ls(int node) {
        return cluster.node(node).lockspace("fs");
    }

    /** Makes {@code node} master of {@code r} (first locker) and keeps an NL lock there. */
    private void masterOn(int node, ResourceName r) throws Exception {
        ls(node).lock(r, LockMode.NL, LockOptions.defaults()).await(T);
    }

    @Test
    void holderCrash_waiterNotGrantedBeforeFencing_grantedAfter() throws Exception {
        cluster = new MiniCluster(3);
        ResourceName r = ResourceName.of("gated");
        masterOn(1, r);
        ls(3).lock(r, LockMode.EX, LockOptions.defaults()).await(T);
        var waiter = ls(2).lock(r, LockMode.EX, LockOptions.defaults());
        cluster.kill(3);
        // lost but not fenced: a slow node must never lose its lock before it is cut off
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> !waiter.result().isDone());
        cluster.fence(3);
        assertThat(waiter.await(T).status()).isEqualTo(LockStatus.GRANTED);
    }

    @Test
    void masterCrash_survivorsLocksAreRemastered_andWaitersGrantedInOrder() throws Exception {
        cluster = new MiniCluster(4);
        ResourceName r = ResourceName.of("remaster-me");
        masterOn(4, r);
        var pr2 = ls(2).lock(r, LockMode.PR, LockOptions.defaults());
        pr2.await(T);
        List<Integer> grants = new CopyOnWriteArrayList<>();
        var ex1 = ls(1).lock(r, LockMode.EX, LockOptions.defaults());
        await().atMost(T).until(() -> queueSizes(4, r)[2] == 1);
        var ex3 = ls(3).lock(r, LockMode.EX, LockOptions.defaults());
        await().atMost(T).until(() -> queueSizes(4, r)[2] == 2);
        ex1.result().thenRun(() -> grants.add(1));
        ex3.result().thenRun(() -> grants.add(3));
        // the owners know their queue positions (a request whose reply died with the master is requeued at the end)
        await().atMost(T).until(() -> queuedAtOwner(1) == 1 && queuedAtOwner(3) == 1);
        cluster.killAndFence(4);
        cluster.awaitStable();
        // the survivors' locks are now at a new master, in the same order
        int newMaster = masterOf(r);
        assertThat(newMaster).isNotEqualTo(4);
        pr2.lock().unlock().get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(ex1.await(T).granted()).isTrue();
        assertThat(ex3.result()).isNotDone();
        // futures' callbacks run on each node's own callback thread: let node 1's run before node 3 can be granted
        await().atMost(T).until(() -> grants.contains(1));
        ex1.lock().unlock().get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(ex3.await(T).granted()).isTrue();
        await().atMost(T).until(() -> grants.size() == 2);
        assertThat(grants).containsExactly(1, 3);
    }

    @Test
    void exHolderCrash_onSurvivingMaster_invalidatesValueBlock() throws Exception {
        cluster = new MiniCluster(3);
        ResourceName r = ResourceName.of("lvb-holder");
        masterOn(1, r);
        var w = ls(2).lock(r, LockMode.EX, LockOptions.of(LockFlag.VALBLK));
        w.await(T);
        w.lock().writeValueBlock(new byte[]{1});
        w.lock().convert(LockMode.PW, Set.of(LockFlag.VALBLK)).get(10, java.util.concurrent.TimeUnit.SECONDS);  // up->down keeps PW: not written
        var reader = ls(3).lock(r, LockMode.PR, LockOptions.of(LockFlag.VALBLK));
        cluster.killAndFence(2);
        LockResult got = reader.await(T);
        assertThat(got.granted()).isTrue();
        assertThat(got.valueBlock().valid()).isFalse();
    }

    @Test
    void masterWhoHeldEx_crashes_valueBlockInvalid_survivorNlLockKept() throws Exception {
        cluster = new MiniCluster(3);
        ResourceName r = ResourceName.of("lvb-master");
        var ex = ls(1).lock(r, LockMode.EX, LockOptions.of(LockFlag.VALBLK));   // node 1 masters and holds EX
        ex.await(T);
        var nl = ls(2).lock(r, LockMode.NL, LockOptions.of(LockFlag.VALBLK));
        nl.await(T);
        cluster.killAndFence(1);
        cluster.awaitStable();
        var conv = nl.lock().convert(LockMode.PR, Set.of(LockFlag.VALBLK)).get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(conv.granted()).isTrue();
        assertThat(conv.valueBlock().valid()).isFalse();
    }

    @Test
    void valueBlockSurvivesMasterCrash_whenASurvivorHoldsPr() throws Exception {
        cluster = new MiniCluster(3);
        ResourceName r = ResourceName.of("lvb-kept");
        var ex = ls(1).lock(r, LockMode.EX, LockOptions.of(LockFlag.VALBLK));
        ex.await(T);
        ex.lock().writeValueBlock(new byte[]{9, 9});
        ex.lock().convert(LockMode.PR, Set.of(LockFlag.VALBLK)).get(10, java.util.concurrent.TimeUnit.SECONDS);
        var pr = ls(2).lock(r, LockMode.PR, LockOptions.of(LockFlag.VALBLK));
        assertThat(pr.await(T).valueBlock().value()).containsExactly(9, 9);
        cluster.killAndFence(1);
        cluster.awaitStable();
        pr.lock().unlock().get(10, java.util.concurrent.TimeUnit.SECONDS);
        LockResult again = ls(3).lock(r, LockMode.PR, LockOptions.of(LockFlag.VALBLK)).await(T);
        // a surviving PR holder excludes any writer the new master cannot know about: its copy is current
        assertThat(again.valueBlock().valid()).isTrue();
        assertThat(again.valueBlock().value()).containsExactly(9, 9);
    }

    @Test
    void restartedNode_startsClean_withNewIncarnation_andTakesLocksAgain() throws Exception {
        cluster = new MiniCluster(3);
        ResourceName r = ResourceName.of("rejoin");
        ls(2).lock(r, LockMode.EX, LockOptions.defaults()).await(T);
        long oldEpoch = cluster.node(1).epoch();
        cluster.killAndFence(2);
        cluster.awaitStable();
        cluster.restart(2);
        cluster.awaitStable();
        assertThat(cluster.node(1).epoch()).isNotEqualTo(oldEpoch);
        assertThat(cluster.node(2).lockspace("fs").snapshot().ownLocks()).isEmpty();
        assertThat(ls(1).lock(r, LockMode.EX, LockOptions.defaults()).await(T).granted()).isTrue();
        var again = ls(2).lock(r, LockMode.EX, LockOptions.of(LockFlag.NOQUEUE)).await(T);
        assertThat(again.status()).isEqualTo(LockStatus.WOULD_BLOCK);
    }

    @Test
    void isolatedNode_isFencedAndItsLocksReleased_survivorsCarryOn() throws Exception {
        cluster = new MiniCluster(3);
        ResourceName r = ResourceName.of("partition");
        masterOn(1, r);
        ls(3).lock(r, LockMode.EX, LockOptions.defaults()).await(T);
        var waiter = ls(2).lock(r, LockMode.EX, LockOptions.defaults());
        cluster.isolate(3);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !waiter.result().isDone());
        cluster.fence(3);
        assertThat(waiter.await(T).granted()).isTrue();
    }

    @Test
    void isolatedMinority_losesQuorum_andGrantsNothingEvenLocally() throws Exception {
        cluster = new MiniCluster(3);
        ResourceName r = ResourceName.of("frozen");
        masterOn(3, r);
        cluster.isolate(3);
        await().atMost(T).until(() -> !cluster.node(3).running());
        var local = ls(3).lock(r, LockMode.EX, LockOptions.defaults());
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !local.result().isDone());
        cluster.fence(3);
        cluster.awaitStable();
        assertThat(ls(1).lock(r, LockMode.EX, LockOptions.defaults()).await(T).granted()).isTrue();
    }

    @Test
    void twoMastersLostBackToBack_recoveryRestartsWithTheNewView_locksAndQueueOrderSurvive() throws Exception {
        cluster = new MiniCluster(5);
        ResourceName r4 = ResourceName.of("on-4");
        ResourceName r5 = ResourceName.of("on-5");
        masterOn(4, r4);
        masterOn(5, r5);
        var h4 = ls(1).lock(r4, LockMode.EX, LockOptions.defaults());
        var h5 = ls(2).lock(r5, LockMode.PW, LockOptions.defaults());
        h4.await(T);
        h5.await(T);
        var w4 = ls(3).lock(r4, LockMode.PR, LockOptions.defaults());
        var w5a = ls(3).lock(r5, LockMode.PW, LockOptions.defaults());
        await().atMost(T).until(() -> queueSizes(5, r5)[2] == 1);
        var w5b = ls(1).lock(r5, LockMode.CR, LockOptions.defaults());    // compatible, but queued behind w5a
        await().atMost(T).until(() -> queueSizes(4, r4)[2] == 1 && queueSizes(5, r5)[2] == 2);
        // the owners know their queue positions (a request whose reply died with the master is simply resent)
        await().atMost(T).until(() -> queuedAtOwner(3) == 2 && queuedAtOwner(1) == 1);
        cluster.killAndFence(5);
        cluster.killAndFence(4);   // while the survivors may be recovering from the first loss
        cluster.awaitStable();
        assertThat(w4.result()).isNotDone();
        assertThat(w5a.result()).isNotDone();
        assertThat(w5b.result()).isNotDone();
        h5.lock().unlock().get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(w5a.await(T).granted()).isTrue();
        assertThat(w5b.await(T).granted()).isTrue();
        h4.lock().unlock().get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(w4.await(T).granted()).isTrue();
    }

    /**
     * A recovery that completes on some members and is aborted on others (here: node 3's "phase 2 done" does not
     * reach node 2 before node 4 is lost) leaves the new master holding the resource while the owners that aborted
     * still take the old master for dead. In the next recovery they must resend to that live master, not make the
     * resource's new directory node a second master.
     */
    @Test
    void recoveryCompletedOnSomeMembersOnly_thenAnotherLoss_resourceKeepsOneMaster_andQueueOrder() throws Exception {
        cluster = new MiniCluster(5);
        ResourceName r = nameWithDirectory(0, 4, 3);   // node 1 under ring [1,2,3,4], another node under [1,2,3]
        masterOn(5, r);
        var h = ls(2).lock(r, LockMode.PW, LockOptions.defaults());
        h.await(T);
        var w = ls(3).lock(r, LockMode.EX, LockOptions.defaults());
        await().atMost(T).until(() -> queueSizes(5, r)[2] == 1);
        var v = ls(1).lock(r, LockMode.PR, LockOptions.defaults());
        await().atMost(T).until(() -> queueSizes(5, r)[2] == 2);
        await().atMost(T).until(() -> queuedAtOwner(3) == 1 && queuedAtOwner(1) == 1);
        cluster.node(3).transport().holdFrom(2,
                m -> m instanceof org.gfspnfs.dlm.net.msg.RecoveryDone d && d.phase() == 2);

        cluster.killAndFence(5);
        await().atMost(T).until(() -> cluster.node(1).running() && cluster.node(4).running());
        assertThat(masterOf(r)).isEqualTo(1);
        assertThat(cluster.node(2).running()).isFalse();   // node 3's "phase 2 done" is held back
        cluster.kill(4);
        await().atMost(T).until(() -> cluster.node(2).snapshot().state().equals("STOPPED")
                && cluster.node(3).snapshot().state().equals("STOPPED"));
        cluster.node(3).transport().release(2);
        cluster.fence(4);
        cluster.awaitStable();

        assertThat(masters(r)).containsExactly(1);
        assertThat(w.result()).isNotDone();
        h.lock().unlock().get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(w.await(T).granted()).isTrue();
        assertThat(v.result()).isNotDone();
        w.lock().unlock().get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(v.await(T).granted()).isTrue();
    }

    /** A name whose directory node is ring index {@code index} under a ring of {@code size}, and not under {@code other}. */
    private static ResourceName nameWithDirectory(int index, int size, int other) {
        for (int i = 0; ; i++) {
            ResourceName n = ResourceName.of("partial-" + i);
            if (n.stableHash() % size == index && n.stableHash() % other != index) {
                return n;
            }
        }
    }

    private List<Integer> masters(ResourceName r) {
        return cluster.liveNodes().stream().filter(n -> cluster.node(n).lockspace("fs").snapshot().mastered().stream()
                .anyMatch(ri -> ri.name().equals(r.toString()) && !(ri.granted().isEmpty()
                        && ri.converting().isEmpty() && ri.waiting().isEmpty()))).toList();
    }

    private long queuedAtOwner(int node) {
        return cluster.node(node).lockspace("fs").snapshot().ownLocks().stream()
                .filter(l -> l.queue().equals("REQUEST/QUEUED")).count();
    }

    private int[] queueSizes(int node, ResourceName r) {
        for (ResourceInfo ri : cluster.node(node).lockspace("fs").snapshot().mastered()) {
            if (ri.name().equals(r.toString())) {
                return new int[]{ri.granted().size(), ri.converting().size(), ri.waiting().size()};
            }
        }
        return new int[3];
    }

    /**
     * The resource directory on chosen nodes (the node daemon puts it on the MDS nodes): their fresh resources cost no
     * message, and when none of them is left every member holds a share again.
     */
    @Test
    void directoryOnNode1_itsFreshResourcesCostNoMessage_othersLookUpThere_andWithoutNode1EveryMemberHoldsIt()
            throws Exception {
        cluster = new MiniCluster(3, (id, cfg) -> cfg.withDirectoryNodes(Set.of(1)));
        cluster.awaitStable();
        ls(2).lockAndWait(ResourceName.of("warm"), LockMode.NL, LockOptions.defaults(), T);
        ls(3).lockAndWait(ResourceName.of("warm"), LockMode.NL, LockOptions.defaults(), T);
        ls(1).lockAndWait(ResourceName.of("warm"), LockMode.NL, LockOptions.defaults(), T);

        long before = cluster.messagesSent();
        for (int i = 0; i < 100; i++) {
            assertThat(ls(1).lockAndWait(ResourceName.of("local-" + i), LockMode.EX, LockOptions.defaults(), T)
                    .status()).isEqualTo(LockStatus.GRANTED);
        }
        assertThat(cluster.messagesSent() - before).as("lookups and grants of node 1's new resources").isZero();

        for (int i = 0; i < 30; i++) {
            ls(2).lockAndWait(ResourceName.of("remote-" + i), LockMode.EX, LockOptions.defaults(), T);
        }
        assertThat(directories(2)).as("directory of node 2's resources").containsOnly(1);

        cluster.killAndFence(1);
        cluster.awaitStable();
        for (int i = 0; i < 30; i++) {
            assertThat(ls(2).lockAndWait(ResourceName.of("after-" + i), LockMode.EX, LockOptions.defaults(), T)
                    .status()).isEqualTo(LockStatus.GRANTED);
        }
        assertThat(directories(2)).as("no directory node left: the members share it").contains(2, 3)
                .doesNotContain(1);
    }

    private List<Integer> directories(int node) {
        return ls(node).snapshot().mastered().stream().map(ResourceInfo::directory).distinct().toList();
    }

    private int masterOf(ResourceName r) {
        for (int n : cluster.liveNodes()) {
            if (cluster.node(n).lockspace("fs").snapshot().mastered().stream()
                    .anyMatch(ri -> ri.name().equals(r.toString()))) {
                return n;
            }
        }
        return -1;
    }
}
