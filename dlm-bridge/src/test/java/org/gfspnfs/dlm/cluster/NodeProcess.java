package org.gfspnfs.dlm.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A DLM node running as a separate JVM (a test main on the test class path). It prints {@code ADDR <port>} when its
 * transport listens; the parent sends it member views ({@code VIEW ...}, see {@link PipeMemberView}) over stdin.
 */
final class NodeProcess {
    final int id;
    final long inc;
    final Process process;
    final CompletableFuture<Integer> port = new CompletableFuture<>();
    private final Writer stdin;
    private final Consumer<String> lines;

    NodeProcess(Class<?> main, int id, long inc, Path logDir, Consumer<String> lines, String... args)
            throws IOException {
        this.id = id;
        this.inc = inc;
        this.lines = lines;
        String java = ProcessHandle.current().info().command().orElse("java");
        String cp = ManagementFactory.getRuntimeMXBean().getClassPath();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx192m", "-XX:TieredStopAtLevel=1", "-cp", cp,
                main.getName(), "" + id, "" + inc));
        cmd.addAll(List.of(args));
        process = new ProcessBuilder(cmd).redirectError(logDir.resolve("node" + id + "-" + inc + ".err").toFile())
                .start();
        stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::read, "child-" + id);
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                if (l.startsWith("ADDR ")) {
                    port.complete(Integer.parseInt(l.substring(5)));
                } else {
                    lines.accept(l);
                }
            }
        } catch (IOException e) {
            // the process died
        }
    }

    void send(String line) {
        try {
            stdin.write(line + "\n");
            stdin.flush();
        } catch (IOException e) {
            // a dead child needs no more views
        }
    }

    /** The VIEW line for {@code live} members with {@code awaitingFence} lost and not yet fenced. */
    static String view(long viewId, int expected, Collection<NodeProcess> live, Collection<NodeProcess> awaiting) {
        StringBuilder members = new StringBuilder();
        for (NodeProcess c : live) {
            members.append(members.length() == 0 ? "" : ";").append(c.id).append(':').append(c.inc).append(':')
                    .append(c.port.join());
        }
        StringBuilder lost = new StringBuilder();
        for (NodeProcess c : awaiting) {
            lost.append(lost.length() == 0 ? "" : ";").append(c.id).append(':').append(c.inc);
        }
        return "VIEW " + viewId + " " + (live.size() > expected / 2) + " " + members + " "
                + (lost.length() == 0 ? "-" : lost);
    }
}
