package org.gfspnfs.dlm.cluster;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A cluster of DLM node processes driven by this (test) process, which plays membership: it sends every child the
 * member view over stdin. Closing it kills whatever still runs.
 */
public final class NodeProcesses implements AutoCloseable {
    private final Path dir;
    private final int expected;
    private final Map<Integer, NodeProcess> live = new TreeMap<>();
    private long viewId;
    private long incarnations = 7000;

    public NodeProcesses(Path dir, int expected) {
        this.dir = dir;
        this.expected = expected;
    }

    /** Starts node {@code id} running {@code main} (args: id, incarnation, then {@code args}). */
    public void spawn(Class<?> main, int id, Consumer<String> lines, String... args) throws Exception {
        NodeProcess p = new NodeProcess(main, id, ++incarnations, dir, lines, args);
        p.port.get(60, TimeUnit.SECONDS);
        live.put(id, p);
    }

    public void broadcastView() {
        String line = NodeProcess.view(++viewId, expected, live.values(), Set.of());
        live.values().forEach(c -> c.send(line));
    }

    /** Sends STOP to every node and waits for it to exit. */
    public void stopAll() throws InterruptedException {
        live.values().forEach(c -> c.send("STOP"));
        for (NodeProcess c : live.values()) {
            if (!c.process.waitFor(30, TimeUnit.SECONDS)) {
                c.process.destroyForcibly();
            }
        }
        live.clear();
    }

    @Override
    public void close() throws IOException {
        live.values().forEach(c -> c.process.destroyForcibly());
        live.clear();
    }
}
