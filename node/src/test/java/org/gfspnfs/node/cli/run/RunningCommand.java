package org.gfspnfs.node.cli.run;

import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.gfspnfs.node.cli.GfsPnfsMain;
import picocli.CommandLine;

/**
 * A gfspnfs command line running in its own thread, as the launcher runs it, with its output captured; stopping it
 * interrupts the thread, which shuts the daemon down the way SIGTERM does.
 */
final class RunningCommand implements AutoCloseable {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final AtomicInteger exit = new AtomicInteger(-1);
    private final Thread thread;

    /** Child JVMs (the demo's nodes) as the launcher would start them: this JVM's java and class path. */
    static final NodeLauncher LAUNCHER = new NodeLauncher(
            Path.of(ProcessHandle.current().info().command().orElseThrow()),
            ManagementFactory.getRuntimeMXBean().getClassPath(), NodeLauncher.NODE_JVM_OPTIONS);

    private RunningCommand(String... args) {
        CommandLine cl = GfsPnfsMain.newCommandLine(LAUNCHER);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        thread = new Thread(() -> exit.set(cl.execute(args)), "gfspnfs-" + args[0]);
        thread.start();
    }

    static RunningCommand start(String... args) {
        return new RunningCommand(args);
    }

    /** Waits for the "ready" line (or for the command to end early, which fails with its output). */
    RunningCommand awaitReady() {
        return awaitReady(Duration.ofSeconds(60));
    }

    /** As {@link #awaitReady()}, waiting up to {@code timeout}. */
    RunningCommand awaitReady(Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> out.toString().lines().anyMatch("ready"::equals)
                || !thread.isAlive());
        if (!thread.isAlive()) {
            throw new AssertionError("command ended with " + exit.get() + ":\n" + out + err);
        }
        return this;
    }

    /** Waits for the command to end on its own; its exit code. */
    int awaitExit() throws InterruptedException {
        thread.join(Duration.ofSeconds(150).toMillis());
        return exit.get();
    }

    /** Interrupts it (as SIGTERM would stop it) and returns the exit code. */
    int stop() throws InterruptedException {
        thread.interrupt();
        return awaitExit();
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }

    @Override
    public void close() throws InterruptedException {
        if (thread.isAlive()) {
            stop();
        }
    }
}
