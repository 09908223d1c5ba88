package org.gfspnfs.it.pnfs;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.gfspnfs.it.server.RepoPaths;

/**
 * {@code ./gfspnfs start} of the node a {@code gfspnfs demo} run left in its folder (cluster.conf, key, image), with an
 * exports file of the test's own: the demo always writes its exports (files layout), and an export option such as
 * {@code pnfs=flexfiles} needs this. Serves the MDS and the node's one data server. {@link #close()} = SIGTERM, then
 * SIGKILL after a grace.
 */
final class ExportsNode implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    /** The demo's client networks (loopback and the test-VM networks), as in DemoSetup. */
    private static final List<String> CLIENTS = List.of("127.0.0.0/8", "10.0.2.0/24", "10.77.0.0/16");

    private final Process process;

    private ExportsNode(Process process) {
        this.process = process;
    }

    /** Starts node1 of {@code demoDir}'s cluster.conf exporting "/" rw with {@code options} added; waits for ports. */
    static ExportsNode start(RepoPaths repo, Path demoDir, String options, Path log, int... ports) {
        Path exports = demoDir.resolve("exports-" + options.replaceAll("[^a-z0-9]", "_"));
        StringBuilder line = new StringBuilder("/");
        for (String c : CLIENTS) {
            line.append(' ').append(c).append("(rw,no_root_squash,sec=sys:none,").append(options).append(')');
        }
        Process p;
        try {
            Files.writeString(exports, line + "\n");
            p = new ProcessBuilder(repo.root().resolve("gfspnfs").toString(), "start", "--conf",
                    demoDir.resolve("cluster.conf").toString(), "--node", "node1", "--exports", exports.toString())
                    .directory(repo.root().toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start gfspnfs start", e);
        }
        ExportsNode node = new ExportsNode(p);
        try {
            for (int port : ports) {
                await("gfspnfs start accepting on " + port + " (log " + log + ")").atMost(START_TIMEOUT)
                        .pollInterval(Duration.ofMillis(100)).until(() -> {
                            if (!p.isAlive()) {
                                throw new IllegalStateException("gfspnfs start exited with " + p.exitValue()
                                        + "; log " + log);
                            }
                            return accepts(port);
                        });
            }
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
        return node;
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }
}
