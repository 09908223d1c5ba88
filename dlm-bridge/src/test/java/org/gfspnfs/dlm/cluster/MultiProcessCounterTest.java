package org.gfspnfs.dlm.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.gfspnfs.dlm.api.LockMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Acceptance: three node processes (separate JVMs, real TCP, SIGKILL) increment a counter stored in a shared file
 * under an EX lock while nodes are killed and restarted; this process plays membership (views over stdin) and
 * fencing (a killed process cannot write). Afterwards, from the counter file and the per-node logs: every value
 * 1..final was written exactly once, by an acknowledged increment or by the last, unacknowledged increment of a
 * killed node; and no two EX holds overlap in time.
 */
@ExtendWith(Rounds.Resolver.class)
class MultiProcessCounterTest {
    private static final int NODES = 3;
    @TempDir
    Path dir;
    private final Map<Integer, NodeProcess> live = new TreeMap<>();
    private final Map<String, Long> endOfLife = new HashMap<>();
    private final AtomicLong acks = new AtomicLong();
    private long viewId;
    private long incarnations = 5000;

    @Test
    void threeProcesses_exIncrementsWithKills_noLostIncrement_noOverlappingGrants(Rounds rounds) throws Exception {
        int target = rounds.orDefault(1000);
        Random rnd = new Random(7);
        int kills = 0;
        try {
            for (int id = 1; id <= NODES; id++) {
                spawn(id);
            }
            broadcast(Set.of());
            long nextKill = 100;
            while (acks.get() < target || kills < 3) {
                if (acks.get() >= nextKill) {
                    int victim = new ArrayList<>(live.keySet()).get(rnd.nextInt(live.size()));
                    NodeProcess c = live.remove(victim);
                    c.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);  // SIGKILL: a crash
                    endOfLife.put(victim + "-" + c.inc, System.nanoTime());
                    kills++;
                    broadcast(Set.of(c));            // LEFT: survivors stop, wait for fencing
                    broadcast(Set.of());             // the process is dead: fenced
                    long restartAt = acks.get() + 50;
                    await().atMost(Duration.ofSeconds(120)).until(() -> acks.get() >= restartAt);
                    spawn(victim);
                    broadcast(Set.of());
                    nextKill = acks.get() + 100 + rnd.nextInt(80);
                }
                TimeUnit.MILLISECONDS.sleep(10);
            }
        } finally {
            for (NodeProcess c : live.values()) {
                c.send("STOP");
            }
            for (NodeProcess c : live.values()) {
                if (!c.process.waitFor(20, TimeUnit.SECONDS)) {
                    c.process.destroyForcibly();
                }
                endOfLife.put(c.id + "-" + c.inc, System.nanoTime());
            }
        }
        assertThat(kills).isGreaterThanOrEqualTo(3);
        verify(kills, target);
    }

    private void spawn(int id) throws Exception {
        NodeProcess c = new NodeProcess(CounterNodeMain.class, id, ++incarnations, dir, l -> {
            if (l.startsWith("ACK ")) {
                acks.incrementAndGet();
            }
        }, dir.toString());
        c.port.get(60, TimeUnit.SECONDS);
        live.put(id, c);
    }

    /** Sends the current view to every live child. */
    private void broadcast(Set<NodeProcess> awaitingFence) {
        String line = NodeProcess.view(++viewId, NODES, live.values(), awaitingFence);
        live.values().forEach(c -> c.send(line));
    }

    private void verify(int kills, int target) throws IOException {
        long finalValue;
        try (RandomAccessFile f = new RandomAccessFile(dir.resolve("counter").toFile(), "r")) {
            finalValue = f.readLong();
        }
        GrantLog holds = new GrantLog();
        Set<Long> acked = new HashSet<>();
        Set<Long> unackedIntents = new HashSet<>();
        List<Path> logs;
        try (var s = Files.list(dir)) {
            logs = s.filter(p -> p.getFileName().toString().endsWith(".log")).toList();
        }
        for (Path log : logs) {
            String life = log.getFileName().toString().replace("node", "").replace(".log", "");
            int node = Integer.parseInt(life.substring(0, life.indexOf('-')));
            long grant = -1;
            long intent = -1;
            for (String l : Files.readAllLines(log)) {
                long v = Long.parseLong(l.substring(2).trim());
                switch (l.charAt(0)) {
                    case 'G' -> grant = v;
                    case 'I' -> intent = v;
                    case 'A' -> {
                        assertThat(acked.add(v)).as("value %d acknowledged twice", v).isTrue();
                        intent = -1;
                    }
                    case 'R' -> {
                        holds.add(node, LockMode.EX, grant, v);
                        grant = -1;
                    }
                    default -> throw new AssertionError(l);
                }
            }
            if (grant != -1) {
                holds.add(node, LockMode.EX, grant, endOfLife.get(life));
            }
            if (intent != -1) {
                unackedIntents.add(intent);
            }
        }
        long unackedApplied = 0;
        for (long v = 1; v <= finalValue; v++) {
            if (!acked.contains(v)) {
                assertThat(unackedIntents).as("value %d written by nobody", v).contains(v);
                unackedApplied++;
            }
        }
        assertThat(acked).allMatch(v -> v <= finalValue);
        assertThat(acked.size()).isGreaterThanOrEqualTo(target);
        assertThat(finalValue).isEqualTo(acked.size() + unackedApplied);
        assertThat(unackedApplied).isLessThanOrEqualTo(kills);
        assertThat(holds.violations()).isEmpty();
        LoggerFactory.getLogger(MultiProcessCounterTest.class).info(
                "{} processes, {} kills: counter {} = {} acknowledged + {} applied by killed nodes; {} holds checked",
                NODES, kills, finalValue, acked.size(), unackedApplied, holds.size());
    }
}
