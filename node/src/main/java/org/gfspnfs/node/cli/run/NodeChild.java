package org.gfspnfs.node.cli.run;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One node of the demo cluster: a {@code gfspnfs start} child process whose output goes to {@code nodeN.log}. The
 * demo learns how the node is doing from the lines {@code start} prints ("ready", "stopped cleanly ...") in the
 * part of the log this run wrote, and from its exit status.
 */
final class NodeChild {
    /** The life of a node as the demo sees it. */
    enum State {
        STARTING, READY, STOPPING, STOPPED, DIED;

        private static final Map<State, Set<State>> NEXT = new EnumMap<>(State.class);

        static {
            NEXT.put(STARTING, EnumSet.of(READY, STOPPING, DIED));
            NEXT.put(READY, EnumSet.of(STOPPING, DIED));
            NEXT.put(STOPPING, EnumSet.of(STOPPED));
            NEXT.put(STOPPED, EnumSet.noneOf(State.class));
            NEXT.put(DIED, EnumSet.noneOf(State.class));
        }

        boolean canMoveTo(State next) {
            return NEXT.get(this).contains(next);
        }
    }

    private final String name;
    private final int journal;
    private final Path log;
    /** Where this run's output starts in the log (older runs' output stays above it). */
    private final long logStart;
    private final Process process;
    private State state = State.STARTING;

    private NodeChild(String name, int journal, Path log, long logStart, Process process) {
        this.name = name;
        this.journal = journal;
        this.log = log;
        this.logStart = logStart;
        this.process = process;
    }

    /** Appends a header to {@code log} and starts {@code gfspnfs ARGS...} writing after it. */
    static NodeChild start(NodeLauncher launcher, String name, int journal, List<String> args, Path log)
            throws IOException {
        Files.writeString(log, "==== gfspnfs demo: " + name + ": gfspnfs " + String.join(" ", args) + "\n",
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        long start = Files.size(log);
        return new NodeChild(name, journal, log, start, launcher.start(args, log));
    }

    String name() {
        return name;
    }

    int journal() {
        return journal;
    }

    Path log() {
        return log;
    }

    long pid() {
        return process.pid();
    }

    Process process() {
        return process;
    }

    synchronized State state() {
        return state;
    }

    /** Moves to {@code next} if allowed from the current state; false (and no change) otherwise. */
    synchronized boolean moveTo(State next) {
        if (!state.canMoveTo(next)) {
            return false;
        }
        state = next;
        return true;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Whether this run of the node printed a line starting with {@code prefix}. */
    boolean printed(String prefix) {
        return lines().stream().anyMatch(l -> l.startsWith(prefix));
    }

    /** Whether this run of the node printed a line containing {@code text} (a log line). */
    boolean printedContaining(String text) {
        return lines().stream().anyMatch(l -> l.contains(text));
    }

    /** The last {@code n} lines this run of the node wrote. */
    List<String> tail(int n) {
        List<String> all = lines();
        return all.subList(Math.max(0, all.size() - n), all.size());
    }

    private List<String> lines() {
        try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
            long length = f.length() - logStart;
            if (length <= 0) {
                return List.of();
            }
            byte[] bytes = new byte[(int) Math.min(length, 8 << 20)];
            f.seek(f.length() - bytes.length);
            f.readFully(bytes);
            return new ArrayList<>(new String(bytes, StandardCharsets.UTF_8).lines().toList());
        } catch (IOException e) {
            return List.of("(cannot read " + log + ": " + e.getMessage() + ")");
        }
    }

    /**
     * SIGTERM (the node leaves the cluster cleanly and unmounts), then up to {@code grace} for it to exit, then
     * SIGKILL. Returns the exit status.
     */
    int terminate(Duration grace) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
        }
        return process.isAlive() ? -1 : process.exitValue();
    }
}
