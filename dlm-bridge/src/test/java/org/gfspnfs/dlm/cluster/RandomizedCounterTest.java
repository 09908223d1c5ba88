package org.gfspnfs.dlm.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.gfspnfs.dlm.api.DlmException;
import org.gfspnfs.dlm.api.LockMode;
import org.gfspnfs.dlm.api.LockOptions;
import org.gfspnfs.dlm.api.LockResult;
import org.gfspnfs.dlm.api.Lockspace;
import org.gfspnfs.dlm.api.ResourceName;
import org.gfspnfs.dlm.core.DlmNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * Acceptance scenario in one JVM: five nodes take EX (increment a counter on fenced shared storage) or PR (read it
 * twice, expecting no change) on three resources, in random order, while one or two nodes at a time are killed,
 * fenced and restarted (so masters die, sometimes two back to back). Afterwards each counter equals the increments
 * acknowledged and the grant log of each resource shows no incompatible overlap.
 */
@ExtendWith(Rounds.Resolver.class)
class RandomizedCounterTest {
    private static final int SIZE = 5;
    private static final int RESOURCES = 3;

    @Test
    void exHoldersIncrement_withNodesKilledMidRun_countEqualsAcks_noIncompatibleOverlap(Rounds rounds)
            throws Exception {
        int target = rounds.orDefault(1000);
        FencedCounter[] storage = new FencedCounter[RESOURCES];
        GrantLog[] logs = new GrantLog[RESOURCES];
        for (int i = 0; i < RESOURCES; i++) {
            storage[i] = new FencedCounter();
            logs[i] = new GrantLog();
        }
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> workers = new ArrayList<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        int kills = 0;
        try (MiniCluster cluster = new MiniCluster(SIZE)) {
            for (int id = 1; id <= SIZE; id++) {
                admit(storage, id, cluster.node(id).incarnation());
            }
            for (int id = 1; id <= SIZE; id++) {
                int node = id;
                Thread t = new Thread(() -> work(cluster, node, storage, logs, stop, failures), "worker-" + id);
                workers.add(t);
                t.start();
            }
            Random rnd = new Random(42);
            long nextKill = 80;
            while ((acked(storage) < target || kills < 3) && failures.isEmpty()) {
                long acked = acked(storage);
                if (acked >= nextKill) {
                    List<Integer> victims = new ArrayList<>(cluster.liveNodes());
                    java.util.Collections.shuffle(victims, rnd);
                    victims = victims.subList(0, rnd.nextInt(3) == 0 ? 2 : 1);
                    for (int v : victims) {
                        fence(storage, v);
                        cluster.killAndFence(v);
                        kills++;
                    }
                    long restartAt = acked + 30;
                    await().atMost(Duration.ofSeconds(60)).until(() -> acked(storage) >= restartAt
                            || !failures.isEmpty());
                    for (int v : victims) {
                        cluster.restart(v);
                        admit(storage, v, cluster.node(v).incarnation());
                    }
                    nextKill = acked(storage) + 60 + rnd.nextInt(80);
                }
                TimeUnit.MILLISECONDS.sleep(5);
            }
            stop.set(true);
            for (Thread t : workers) {
                t.join(30_000);
            }
            assertThat(failures).isEmpty();
            assertThat(kills).isGreaterThanOrEqualTo(3);
            assertThat(acked(storage)).isGreaterThanOrEqualTo(target);
            int holds = 0;
            for (int i = 0; i < RESOURCES; i++) {
                assertThat(storage[i].value()).as("counter %d", i).isEqualTo(storage[i].acknowledged());
                assertThat(logs[i].violations()).as("overlaps on counter %d", i).isEmpty();
                holds += logs[i].size();
            }
            LoggerFactory.getLogger(RandomizedCounterTest.class).info(
                    "{} nodes, {} kills: {} increments acknowledged = sum of counters; {} holds checked", SIZE,
                    kills, acked(storage), holds);
        }
    }

    private static long acked(FencedCounter[] storage) {
        long n = 0;
        for (FencedCounter c : storage) {
            n += c.acknowledged();
        }
        return n;
    }

    private static void admit(FencedCounter[] storage, int node, long incarnation) {
        for (FencedCounter c : storage) {
            c.admit(node, incarnation);
        }
    }

    private static void fence(FencedCounter[] storage, int node) {
        for (FencedCounter c : storage) {
            c.fence(node);
        }
    }

    private static void work(MiniCluster cluster, int id, FencedCounter[] storage, GrantLog[] logs,
                             AtomicBoolean stop, List<Throwable> failures) {
        Random rnd = new Random(id);
        while (!stop.get()) {
            DlmNode node = cluster.nodeOrNull(id);
            if (node == null || !node.running()) {
                Thread.onSpinWait();
                Thread.yield();
                continue;
            }
            int res = rnd.nextInt(RESOURCES);
            LockMode mode = rnd.nextInt(4) == 0 ? LockMode.PR : LockMode.EX;
            long granted = 0;
            try {
                Lockspace ls = node.lockspace("ctr");
                var p = ls.lock(ResourceName.of("counter-" + res), mode, LockOptions.defaults());
                LockResult r = p.await(Duration.ofSeconds(30));
                granted = System.nanoTime();
                if (!r.granted()) {
                    throw new AssertionError("not granted: " + r);
                }
                if (mode == LockMode.EX) {
                    storage[res].increment(id, node.incarnation());
                } else {
                    long v = storage[res].value();
                    Thread.yield();
                    if (storage[res].value() != v) {
                        throw new AssertionError("counter changed under a PR lock");
                    }
                }
                logs[res].add(id, mode, granted, System.nanoTime());
                granted = 0;
                p.lock().unlock().get(30, TimeUnit.SECONDS);
            } catch (DlmException | java.util.concurrent.ExecutionException e) {
                // the node was killed under us: its hold ended when it was fenced
                if (granted != 0) {
                    logs[res].add(id, mode, granted, Math.min(System.nanoTime(), storage[res].fencedAt(id)));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable t) {
                if (cluster.nodeOrNull(id) == node) {
                    failures.add(t);
                    return;
                }
            }
        }
    }
}
