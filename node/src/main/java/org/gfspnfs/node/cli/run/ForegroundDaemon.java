package org.gfspnfs.node.cli.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.gfspnfs.node.cli.ExitCodes;
import org.gfspnfs.node.daemon.DaemonState;
import org.gfspnfs.node.daemon.NodeDaemon;

/**
 * Runs a started daemon in the foreground until SIGTERM/SIGINT (a JVM shutdown hook closes it cleanly) or until
 * the calling thread is interrupted (tests, embedding), and turns the outcome into an exit code.
 */
final class ForegroundDaemon {
    /** How long the shutdown hook lets the command print its last words before the JVM halts. */
    private static final long REPORT_GRACE_SECONDS = 5;

    private ForegroundDaemon() {
    }

    /**
     * Waits for the NFS, data-server and control ports to accept a connection, then prints "ready" (scripts wait
     * for that line).
     */
    static void announceReady(NodeDaemon daemon, PrintWriter out) throws IOException {
        List<InetSocketAddress> ports = new ArrayList<>();
        if (daemon.nfsAddress() != null) {
            ports.add(daemon.nfsAddress());
        }
        ports.addAll(daemon.dataServerAddresses());
        if (daemon.controlAddress() != null) {
            ports.add(daemon.controlAddress());
        }
        for (InetSocketAddress at : ports) {
            try (Socket s = new Socket()) {
                s.connect(at, 5000);
            }
        }
        out.println("ready");
        out.flush();
    }

    static int runUntilStopped(NodeDaemon daemon, PrintWriter out, PrintWriter err) {
        CountDownLatch reported = new CountDownLatch(1);
        // The JVM halts as soon as the hooks return, so the hook waits for the outcome to be printed.
        Thread hook = new Thread(() -> {
            daemon.close();
            try {
                reported.await(REPORT_GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "gfspnfs-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            while (!daemon.awaitStopped(1, TimeUnit.HOURS)) {
                // keep serving
            }
        } catch (InterruptedException e) {
            daemon.close();
            Thread.currentThread().interrupt();
        }
        try {
            return report(daemon, out, err);
        } finally {
            reported.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is what stopped us; the JVM is exiting anyway.
            }
        }
    }

    private static int report(NodeDaemon daemon, PrintWriter out, PrintWriter err) {
        if (daemon.state() == DaemonState.FAILED) {
            err.println("gfspnfs: the daemon did not stop cleanly (see the log); the journal will be replayed at "
                    + "the next mount");
            err.flush();
            return ExitCodes.FAILURE;
        }
        out.println("stopped cleanly (journal " + daemon.journalId() + " committed and marked clean)");
        out.flush();
        return ExitCodes.OK;
    }
}
