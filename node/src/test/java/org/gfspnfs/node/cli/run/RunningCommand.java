package org.gfspnfs.node.cli.run;

import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
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

    private RunningCommand(String... args) {
        CommandLine cl = GfsPnfsMain.newCommandLine();
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
        await().atMost(Duration.ofSeconds(60)).until(() -> out.toString().lines().anyMatch("ready"::equals)
                || !thread.isAlive());
        if (!thread.isAlive()) {
            throw new AssertionError("command ended with " + exit.get() + ":\n" + out + err);
        }
        return this;
    }

    /** Waits for the command to end on its own; its exit code. */
    int awaitExit() throws InterruptedException {
        thread.join(Duration.ofSeconds(60).toMillis());
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
