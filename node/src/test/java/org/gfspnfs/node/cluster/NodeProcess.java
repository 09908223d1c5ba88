package org.gfspnfs.node.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.gfspnfs.node.cli.GfsPnfsMain;

/**
 * One node of a test cluster in its own JVM: either the real {@code gfspnfs start} (the CLI's main) or a test main
 * that runs the real daemon plus a workload. Its output lines are kept (and copied into {@code <dir>/<name>.log}
 * for the post-mortem); tests wait for lines, kill it with a signal and read its exit status.
 */
final class NodeProcess implements AutoCloseable {
    final String name;
    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Path log;

    private NodeProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        Thread reader = new Thread(this::read, "read-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    /** {@code gfspnfs start --conf CONF --node NAME}. */
    static NodeProcess start(ClusterFixture cluster, String name) throws IOException {
        return launch(cluster, name, GfsPnfsMain.class.getName(), "start", "--conf", cluster.confFile.toString(),
                "--node", name, "--quorum-wait", "60");
    }

    /** The daemon plus a writer of fsync'd files ({@link WorkloadNodeMain}). */
    static NodeProcess startWithWorkload(ClusterFixture cluster, String name) throws IOException {
        return launch(cluster, name, WorkloadNodeMain.class.getName(), cluster.confFile.toString(), name);
    }

    private static NodeProcess launch(ClusterFixture cluster, String name, String main, String... args)
            throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-cp", ManagementFactory.getRuntimeMXBean().getClassPath(), main));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("GFSPNFS_LOG_LEVEL", "INFO");
        Path log = cluster.dir.resolve(name + ".log");
        return new NodeProcess(name, pb.start(), log);
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
                Files.writeString(log, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            lines.add("(reader: " + e + ")");
        }
    }

    /** Waits for a line matching {@code p}; fails with the node's output when it exits or the time is up. */
    String await(Predicate<String> p, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (String l : lines) {
                if (p.test(l)) {
                    return l;
                }
            }
            if (!process.isAlive()) {
                Thread.sleep(200);
                throw new AssertionError(name + " exited with " + process.exitValue() + ":\n" + tail());
            }
            Thread.sleep(50);
        }
        throw new AssertionError(name + ": no matching line within " + timeout + ":\n" + tail());
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    String tail() {
        List<String> all = lines();
        return String.join("\n", all.subList(Math.max(0, all.size() - 60), all.size()));
    }

    long pid() {
        return process.pid();
    }

    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Sends a signal by name ({@code STOP}, {@code CONT}) as kill(1) does. */
    void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IOException("kill -" + name + " " + pid() + " failed");
        }
    }

    /** SIGTERM, as an admin or systemd stops the node. */
    void terminate() {
        process.toHandle().destroy();
    }

    /** Waits for the exit and returns the status. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(name + " did not exit within " + timeout + ":\n" + tail());
        }
        return process.exitValue();
    }

    /** After {@link #terminate()}: the daemon reports a clean stop (journal committed and marked clean). */
    void awaitCleanStop() throws InterruptedException {
        awaitExit(Duration.ofSeconds(60));
        if (lines.stream().noneMatch(l -> l.startsWith("stopped cleanly"))) {
            throw new AssertionError(name + " did not stop cleanly:\n" + tail());
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
