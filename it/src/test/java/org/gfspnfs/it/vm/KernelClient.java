package org.gfspnfs.it.vm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real Linux NFSv4.1 client: boots a throw-away guest kernel (User-Mode Linux by default, qemu when asked or when
 * UML cannot run here), mounts the server with {@code vers=4.1}, runs a guest script, and returns its exit code and
 * console. The boot scripts live in it/scripts (copied from the team's shared/vm-client).
 *
 * <p>Every run is bounded: the harness kills the guest at the run's timeout (exit 124), and this class kills the
 * harness and its whole process tree if it overruns that by {@link #OVERRUN_GRACE}, if the calling thread is
 * interrupted (a JUnit timeout) or when {@link #close()} is called. No VM outlives a run.
 */
public final class KernelClient implements AutoCloseable {

    /** How long past its own timeout the harness script may take to report before it is killed. */
    static final Duration OVERRUN_GRACE = Duration.ofSeconds(30);
    private static final Duration TERM_GRACE = Duration.ofSeconds(15);

    private final VmKind kind;
    private final Path scriptsDir;
    private final Path workDir;
    private final AtomicInteger runs = new AtomicInteger();
    private final Set<Process> live = ConcurrentHashMap.newKeySet();

    private KernelClient(VmKind kind, Path scriptsDir, Path workDir) {
        this.kind = kind;
        this.scriptsDir = scriptsDir;
        this.workDir = workDir;
    }

    /** UML when it can run here (root, /dev/net/tun, the user-mode-linux package), qemu otherwise. */
    public static KernelClient auto(Path itModuleDir, Path workDir) {
        return new KernelClient(umlUsable() ? VmKind.UML : VmKind.QEMU, itModuleDir.resolve("scripts"), workDir);
    }

    public static KernelClient of(VmKind kind, Path itModuleDir, Path workDir) {
        return new KernelClient(kind, itModuleDir.resolve("scripts"), workDir);
    }

    static boolean umlUsable() {
        Path tun = Path.of("/dev/net/tun");
        return Files.isExecutable(Path.of("/usr/bin/linux.uml")) && Files.isReadable(tun) && Files.isWritable(tun);
    }

    public VmKind kind() {
        return kind;
    }

    /**
     * The console log of the latest run of the guest script {@code scriptName}, once that run has started (empty
     * before): what a test reads while the guest is still running.
     */
    public Optional<Path> console(String scriptName) throws IOException {
        if (!Files.isDirectory(workDir)) {
            return Optional.empty();
        }
        String part = "-" + fileName(scriptName) + "-";
        try (Stream<Path> dirs = Files.list(workDir)) {
            return dirs.filter(d -> d.getFileName().toString().contains(part)).sorted(Comparator.reverseOrder())
                    .map(d -> d.resolve("console.log")).filter(Files::exists).findFirst();
        }
    }

    private static String fileName(String scriptName) {
        return scriptName.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** Runs {@code run} against {@code target}; returns when the guest powered off or was killed. */
    public GuestResult run(NfsTarget target, GuestRun run) {
        Path runDir = workDir.resolve(String.format("%03d-%s-%s", runs.incrementAndGet(), fileName(run.script().name()),
                kind.name().toLowerCase()));
        try {
            Files.createDirectories(runDir.resolve("tmp"));
            Path guest = runDir.resolve("guest.sh");
            Files.writeString(guest, run.script().render());
            Path log = runDir.resolve("console.log");
            long started = System.nanoTime();
            int rc = execute(command(target, run, guest), runDir, log, run.timeout(), target.dnatExtra());
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            String console = Files.readString(log, StandardCharsets.UTF_8).replace("\r", "");
            return new GuestResult(kind, run.script().name(), rc, console, elapsed, log);
        } catch (IOException e) {
            throw new UncheckedIOException("guest run in " + runDir, e);
        }
    }

    private List<String> command(NfsTarget target, GuestRun run, Path guest) {
        List<String> cmd = new ArrayList<>(List.of("bash", scriptsDir.resolve(kind.script()).toString(),
                "-s", target.hostPort(), "-x", target.export(),
                "-t", Long.toString(Math.max(1, run.timeout().toSeconds()))));
        run.env().forEach((k, v) -> cmd.addAll(List.of("-e", k + "=" + v)));
        run.files().forEach(f -> cmd.addAll(List.of("-f", f.toAbsolutePath().toString())));
        if (run.memoryMib() > 0) {
            cmd.addAll(List.of("--mem", Integer.toString(run.memoryMib())));
        }
        if (!run.mount()) {
            cmd.add("--no-mount");
        }
        cmd.add(guest.toString());
        return cmd;
    }

    private int execute(List<String> cmd, Path runDir, Path log, Duration timeout, String dnatExtra)
            throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        pb.environment().put("TMPDIR", runDir.resolve("tmp").toString());   // run files land in the run dir
        if (!dnatExtra.isEmpty()) {
            pb.environment().put("UMLCLIENT_DNAT_EXTRA", dnatExtra);
        }
        Process p = pb.start();
        live.add(p);
        try {
            if (p.waitFor(timeout.plus(OVERRUN_GRACE).toMillis(), TimeUnit.MILLISECONDS)) {
                return p.exitValue();
            }
            Files.writeString(log, "\nKernelClient: harness overran its " + timeout.toSeconds()
                    + " s timeout by " + OVERRUN_GRACE.toSeconds() + " s; killed\n",
                    StandardOpenOption.APPEND);
            return GuestResult.TIMEOUT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the guest ran; VM killed", e);
        } finally {
            destroyTree(p);
            live.remove(p);
        }
    }

    /**
     * SIGTERM first: the harness's trap then kills the VM and removes its tap device and DNAT table. Whatever is left
     * after the grace period is SIGKILLed, children first (they would be re-parented, and lost, once the parent dies).
     */
    static void destroyTree(Process p) {
        List<ProcessHandle> tree = p.descendants().toList();
        // An interrupted caller (JUnit timeout, executor shutdownNow) still gives the harness its grace period:
        // without it the SIGKILL below skips the harness's trap and leaves its tap device and nft table behind.
        boolean interrupted = Thread.interrupted();
        try {
            if (p.isAlive()) {
                p.destroy();
                p.onExit().get(TERM_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            interrupted = true;
        } catch (ExecutionException | TimeoutException e) {
            // not gone in time: killed below
        } finally {
            tree.forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Kills any run still going (a test that failed or timed out while a guest ran on another thread). */
    @Override
    public void close() {
        live.forEach(KernelClient::destroyTree);
        live.clear();
    }
}
