package org.gfspnfs.membership.fence;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs an external fence agent the way fenced runs {@code fence_ipmilan} and friends (the fence-agent API of
 * ClusterLabs' fence-agents, "stdin" mode): the agent is started with no arguments and reads {@code key=value}
 * lines on standard input (the device's attributes overridden by the node's, {@code action}, {@code nodename},
 * {@code port}/{@code plug}); exit status 0 means it did it. An agent that runs past the fence timeout is killed,
 * with everything it started, and the run counts as failed.
 *
 * <p>Actions: {@code off} (the default, as fence_node) and {@code reboot} fence; {@code status} asks (exit 0 = on,
 * 2 = off, anything else = cannot tell), see {@link #status(FenceRequest)}.
 */
public final class ExecFenceAgent implements Fencer {
    /** Actions that cut the victim off. */
    public static final Set<String> FENCING_ACTIONS = Set.of("off", "reboot");
    private static final int STATUS_OFF = 2;
    private static final int OUTPUT_TAIL = 400;

    private final Duration timeout;
    private final Path workDir;

    /**
     * @param timeout longest one agent run may take (cluster.conf fence_timeout)
     * @param workDir where the agent's output is collected while it runs (deleted afterwards)
     */
    public ExecFenceAgent(Duration timeout, Path workDir) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.workDir = Objects.requireNonNull(workDir, "workDir");
    }

    @Override
    public FenceOutcome fence(FenceRequest request) throws InterruptedException {
        String action = request.arguments().getOrDefault("action", "off");
        if (!FENCING_ACTIONS.contains(action)) {
            return FenceOutcome.failed("action '" + action + "' does not fence (use off or reboot)");
        }
        return run(request, action);
    }

    /** Asks the agent whether the victim is powered off: success means "off". */
    public FenceOutcome status(FenceRequest request) throws InterruptedException {
        return run(request, "status");
    }

    private FenceOutcome run(FenceRequest request, String action) throws InterruptedException {
        String agent = request.device().agent();
        Path output;
        try {
            output = Files.createTempFile(workDir, "fence-", ".out");
        } catch (IOException e) {
            return FenceOutcome.failed("cannot create agent output file in " + workDir + ": " + e.getMessage());
        }
        try {
            Process process;
            try {
                process = new ProcessBuilder(agent).redirectErrorStream(true)
                        .redirectOutput(output.toFile()).start();
            } catch (IOException e) {
                return FenceOutcome.failed(agent + " cannot be started: " + e.getMessage());
            }
            try {
                feed(process, stdinLines(request, action));
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    kill(process);
                    return FenceOutcome.failed(agent + " action=" + action + " hung: killed after "
                            + timeout.toMillis() + " ms (fence_timeout)" + tail(output));
                }
            } catch (InterruptedException e) {
                kill(process);
                throw e;
            }
            return verdict(agent, action, process.exitValue(), tail(output));
        } finally {
            try {
                Files.deleteIfExists(output);
            } catch (IOException ignored) {
                // a leftover temp file does no harm; the outcome matters more
            }
        }
    }

    private static FenceOutcome verdict(String agent, String action, int exit, String tail) {
        if (action.equals("status")) {
            return exit == STATUS_OFF ? FenceOutcome.confirmed(agent + " status: off")
                    : FenceOutcome.failed(agent + " status: " + (exit == 0 ? "on" : "unknown, exit " + exit) + tail);
        }
        return exit == 0 ? FenceOutcome.confirmed(agent + " action=" + action + " succeeded" + tail)
                : FenceOutcome.failed(agent + " action=" + action + " failed with exit status " + exit + tail);
    }

    /** The stdin of the fence-agent convention; {@code agent} is ours, the agent knows who it is. */
    static Map<String, String> stdinLines(FenceRequest request, String action) {
        Map<String, String> lines = new LinkedHashMap<>(request.arguments());
        lines.remove("agent");
        lines.put("action", action);
        lines.putIfAbsent("nodename", request.victim().name());
        String outlet = lines.containsKey("port") ? lines.get("port") : lines.get("plug");
        if (outlet != null) {
            lines.putIfAbsent("port", outlet);
            lines.putIfAbsent("plug", outlet);
        }
        return lines;
    }

    private static void feed(Process process, Map<String, String> lines) {
        StringBuilder text = new StringBuilder();
        lines.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        try (OutputStream in = process.getOutputStream()) {
            in.write(text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the agent exited or closed stdin without reading: its exit status tells the rest
        }
    }

    private static void kill(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
    }

    private static String tail(Path output) {
        try {
            String text = Files.readString(output, StandardCharsets.UTF_8).strip();
            if (text.isEmpty()) {
                return "";
            }
            return ": " + (text.length() > OUTPUT_TAIL ? "..." + text.substring(text.length() - OUTPUT_TAIL) : text);
        } catch (IOException e) {
            return "";
        }
    }
}
