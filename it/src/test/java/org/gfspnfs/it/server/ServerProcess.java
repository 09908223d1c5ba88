package org.gfspnfs.it.server;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.gfspnfs.it.vm.NfsTarget;

/**
 * Our server as a child process: {@code ./gfspnfs demo --dir DIR --port PORT} from the checkout root, a three-node
 * cluster (node1 MDS + data server, node2 and node3 data servers, each a child process of the demo with its log in
 * DIR/nodeK.log) serving NFSv4.1 on 127.0.0.1:PORT and exporting {@code /}. Started when the demo printed "ready"
 * (every node quorate and serving) and the MDS accepts TCP connections (polled, bounded); stopped with SIGTERM (each
 * node leaves the cluster cleanly), then SIGKILL after a grace period. The demo's stdout and stderr go to a log file
 * under it/target.
 */
public final class ServerProcess implements NfsServer {

    /** The launcher may build the node module first; then three nodes join, wait for quorum and mount. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(240);
    /** The demo stops its nodes one after the other, each a clean leave and unmount (60 s each at most). */
    static final Duration STOP_GRACE = Duration.ofSeconds(150);
    /**
     * {@code gfspnfs demo}'s default --nodes: it binds P..P+4N (the MDS on P, node K's data server on P+K, its
     * control channel on P+N+K, its DLM on P+2N+K, its membership on P+3N+K).
     */
    static final int DEMO_NODES = 3;

    private final RepoPaths repo;
    private final Path dataDir;
    private final Path log;
    private final int port;
    private final List<String> extraArgs;
    private final int dataServers;
    /** The data-server address GETDEVICEINFO names (pNFS demos only); the guest reaches it through DNAT. */
    private String advertise;
    private Process process;
    private int starts;
    /** Where the current run's output starts in the log. */
    private long logStart;

    private ServerProcess(RepoPaths repo, Path dataDir, Path log, int port, int dataServers,
                          List<String> extraArgs) {
        this.dataServers = dataServers;
        this.repo = repo;
        this.dataDir = dataDir;
        this.log = log;
        this.port = port;
        this.extraArgs = List.copyOf(extraArgs);
    }

    /** Starts {@code gfspnfs demo} over {@code dataDir} on a free loopback port; the log goes to {@code log}. */
    public static ServerProcess start(RepoPaths repo, Path dataDir, Path log) {
        ServerProcess s = new ServerProcess(repo, dataDir, log, PortProbe.freePortRange(portsOf(DEMO_NODES)),
                DEMO_NODES, List.of());
        s.launch();
        return s;
    }

    /**
     * Starts {@code gfspnfs demo --nodes N} serving pNFS to a guest: the MDS on a free port P, the N nodes' data
     * servers on P+1..P+N and node1's control channel on P+N+1 (the whole range P..P+4N free when probed),
     * GETDEVICEINFO naming {@code advertise}, an address of this host the guest can route to; the data servers stay
     * on 127.0.0.1 and the guest reaches them through DNAT.
     */
    public static ServerProcess startPnfs(RepoPaths repo, Path dataDir, Path log, int dataServers, String advertise) {
        ServerProcess s = new ServerProcess(repo, dataDir, log, PortProbe.freePortRange(portsOf(dataServers)),
                dataServers, List.of("--nodes", Integer.toString(dataServers), "--advertise", advertise,
                        "--listen", "127.0.0.1"));
        s.advertise = advertise;
        s.launch();
        for (int i = 0; i < dataServers; i++) {
            int dsPort = s.dataServerPort(i);
            await("data server " + i + " accepting on port " + dsPort).atMost(START_TIMEOUT)
                    .pollInterval(Duration.ofMillis(100)).until(() -> PortProbe.accepts(dsPort));
        }
        return s;
    }

    /** Ports a demo of {@code nodes} binds from P on. */
    private static int portsOf(int nodes) {
        return 4 * nodes + 1;
    }

    /** The port of data server {@code index} (0-based, stripe order): node index+1's. */
    public int dataServerPort(int index) {
        return port + 1 + index;
    }

    /** node1's control channel (gfsctl; node1 serves the MDS), on 127.0.0.1 after the data-server ports. */
    public InetSocketAddress controlAddress() {
        return new InetSocketAddress("127.0.0.1", port + dataServers + 1);
    }

    /** The cluster key the demo wrote next to its cluster.conf (key_file="cluster.key"). */
    public Path clusterKey() {
        return dataDir.resolve("cluster.key");
    }

    @Override
    public NfsTarget target() {
        NfsTarget target = NfsTarget.loopback(port, "/");
        if (advertise == null) {
            return target;
        }
        List<Integer> dsPorts = new ArrayList<>();
        for (int i = 1; i <= dataServers; i++) {
            dsPorts.add(port + i);
        }
        return target.withForwarded(advertise, dsPorts);
    }

    public Path log() {
        return log;
    }

    /**
     * For a failed or timed-out run: the node JVMs' threads that stood inside our code (full dumps under
     * {@code dir}), and each node log's last warnings.
     */
    public String diagnose(Path dir) {
        Process p = process;
        if (p == null) {
            return "server not running";
        }
        List<ProcessHandle> jvms = p.descendants()
                .filter(h -> h.info().command().map(c -> c.endsWith("java")).orElse(false)).toList();
        StringBuilder out = new StringBuilder(ThreadDumps.dumpAndSummarize(jvms, dir));
        for (int node = 1; node <= dataServers; node++) {
            Path nodeLog = dataDir.resolve("node" + node + ".log");
            try (var lines = Files.lines(nodeLog, StandardCharsets.UTF_8)) {
                List<String> warnings = lines.filter(l -> l.contains(" WARN ") || l.contains(" ERROR ")).toList();
                out.append("node").append(node).append(".log: ").append(warnings.size()).append(" warning(s)\n");
                warnings.subList(Math.max(0, warnings.size() - 2), warnings.size())
                        .forEach(w -> out.append("  ").append(w, 0, Math.min(w.length(), 240)).append('\n'));
            } catch (IOException | UncheckedIOException e) {
                out.append("node").append(node).append(".log: unreadable (").append(e.getMessage()).append(")\n");
            }
        }
        return out.toString();
    }

    @Override
    public void restart() {
        stop();
        launch();
    }

    @Override
    public void close() {
        stop();
    }

    private void launch() {
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(log.getParent());
            if (++starts == 1) {
                Files.deleteIfExists(log);
            }
            logStart = Files.exists(log) ? Files.size(log) : 0;
            appendLog("==== start " + starts + ": gfspnfs demo --dir " + dataDir + " --port " + port + " "
                    + String.join(" ", extraArgs) + "\n");
            List<String> cmd = new ArrayList<>(List.of(repo.root().resolve("gfspnfs").toString(), "demo",
                    "--dir", dataDir.toString(), "--port", Integer.toString(port)));
            cmd.addAll(extraArgs);
            process = new ProcessBuilder(cmd)
                    .directory(repo.root().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start gfspnfs demo", e);
        }
        Process p = process;
        try {
            await("gfspnfs demo ready and accepting on 127.0.0.1:" + port).atMost(START_TIMEOUT)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        if (!p.isAlive()) {
                            throw new IllegalStateException("gfspnfs demo exited with " + p.exitValue()
                                    + " before accepting connections; log " + log + ":\n" + tail());
                        }
                        return printedReady() && PortProbe.accepts(port);
                    });
        } catch (ConditionTimeoutException e) {
            stop();
            throw new IllegalStateException("gfspnfs demo was not ready on port " + port + " within "
                    + START_TIMEOUT.toSeconds() + " s; log " + log + ":\n" + tail(), e);
        }
    }

    /** SIGTERM, up to {@link #STOP_GRACE} to exit, then SIGKILL (children too). */
    private void stop() {
        Process p = process;
        if (p == null) {
            return;
        }
        process = null;
        List<ProcessHandle> children = p.descendants().toList();
        p.destroy();
        try {
            if (!p.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                appendLog("==== did not exit within " + STOP_GRACE.toSeconds() + " s of SIGTERM; SIGKILL\n");
                p.destroyForcibly().waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    /** Whether this run of the demo printed "ready" (every node quorate and serving). */
    private boolean printedReady() throws IOException {
        byte[] all = Files.readAllBytes(log);
        String run = new String(all, (int) Math.min(logStart, all.length), (int) Math.max(0, all.length - logStart),
                StandardCharsets.UTF_8);
        return run.lines().anyMatch("ready"::equals);
    }

    private void appendLog(String line) {
        try {
            Files.writeString(log, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // the log is diagnostics only; stopping matters more
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }
}
