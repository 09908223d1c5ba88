package org.gfspnfs.node.cli.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.gfspnfs.conf.ClusterConf;
import org.gfspnfs.conf.ClusterNode;
import org.gfspnfs.node.daemon.NodeDaemon;

/**
 * The demo's cluster: every node of cluster.conf as a {@code gfspnfs start} child process, supervised by the demo
 * process. Nodes start together (none is quorate alone), are ready when each has printed "ready" (quorate,
 * mounted with its own journal, its data server and control channel listening; node1's MDS too), are watched
 * (a node that dies is reported; the others carry on and recover it), and stop in an order that keeps the
 * survivors quorate until the last two leave together.
 *
 * <p>Why children for every node, node1 included: the demo process then only supervises. A node that self-fences
 * halts its own JVM, not the supervisor that reports it; every node's stop is the real {@code start} shutdown
 * (a clean leave), reported by the node itself; and each node's output is its own log.
 */
final class DemoCluster {
    /** How long a node gets to leave cleanly after SIGTERM before it is killed. */
    static final Duration STOP_GRACE = Duration.ofSeconds(60);
    private static final int SIGTERM_STATUS = 128 + 15;
    private static final Duration POLL = Duration.ofMillis(100);
    /** At most this long the other nodes wait for the first one to form the cluster. */
    private static final Duration FIRST_MEMBER_WAIT = Duration.ofSeconds(30);
    /** How long the shutdown hook lets the demo print its last words after the nodes stopped. */
    private static final long REPORT_GRACE_SECONDS = 5;

    private final List<NodeChild> nodes;
    private final PrintWriter console;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean stopping;

    private DemoCluster(List<NodeChild> nodes, PrintWriter console) {
        this.nodes = List.copyOf(nodes);
        this.console = console;
    }

    /**
     * Starts every node of {@code conf} ({@code gfspnfs start --conf confFile --node NAME}), its output in
     * {@code DIR/NAME.log}. Each child watches this process and leaves the cluster cleanly if it goes away
     * without stopping it.
     */
    static DemoCluster start(NodeLauncher launcher, ClusterConf conf, Path confFile, Duration quorumWait,
                             PrintWriter console) throws IOException {
        List<NodeChild> started = new ArrayList<>();
        try {
            for (ClusterNode node : conf.nodes()) {
                if (started.size() == 1) {
                    awaitFirstMember(started.get(0));
                }
                List<String> args = List.of("start", "--conf", confFile.toString(), "--node", node.name(),
                        "--quorum-wait", Long.toString(quorumWait.toSeconds()),
                        "--supervisor-pid", Long.toString(ProcessHandle.current().pid()));
                Path log = confFile.getParent().resolve(node.name() + ".log");
                started.add(NodeChild.start(launcher, node.name(), NodeDaemon.journalSlot(conf, node), args, log));
            }
        } catch (IOException | InterruptedException e) {
            for (NodeChild c : started) {
                c.process().destroyForcibly();
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while starting the nodes", e);
            }
            throw (IOException) e;
        }
        DemoCluster cluster = new DemoCluster(started, console);
        for (NodeChild c : started) {
            c.process().onExit().thenRun(() -> cluster.exited(c));
        }
        return cluster;
    }

    /**
     * Lets the first node form the cluster (Hazelcast member up, "joined cluster" in its log) before the others
     * join it: members that all start at once may first form clusters of their own, which only Hazelcast's
     * split-brain merge brings together, minutes later. Bounded, so a quiet log only delays the others.
     */
    private static void awaitFirstMember(NodeChild first) throws InterruptedException {
        long deadline = System.nanoTime() + FIRST_MEMBER_WAIT.toNanos();
        while (System.nanoTime() - deadline < 0 && first.alive() && !first.printedContaining("joined cluster")) {
            Thread.sleep(POLL.toMillis());
        }
    }

    List<NodeChild> nodes() {
        return nodes;
    }

    /**
     * Waits until every node printed "ready". Fails naming the first node that exited, with the end of its log,
     * or the nodes not ready when {@code timeout} passes.
     */
    void awaitReady(Duration timeout) throws DemoStartException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<String> waiting = new ArrayList<>();
            for (NodeChild c : nodes) {
                if (c.state() == NodeChild.State.READY) {
                    continue;
                }
                if (c.printed("ready")) {
                    c.moveTo(NodeChild.State.READY);
                    console.println("  " + c.name() + " ready (pid " + c.pid() + ", journal " + c.journal() + ")");
                    console.flush();
                } else if (!c.alive()) {
                    throw new DemoStartException(c.name() + " exited with status " + c.process().exitValue()
                            + " before it was ready; the end of " + c.log() + ":\n  "
                            + String.join("\n  ", c.tail(15)));
                } else {
                    waiting.add(c.name());
                }
            }
            if (waiting.isEmpty()) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                StringBuilder tails = new StringBuilder();
                for (NodeChild c : nodes) {
                    if (waiting.contains(c.name())) {
                        tails.append("\nthe end of ").append(c.log()).append(":\n  ")
                                .append(String.join("\n  ", c.tail(8)));
                    }
                }
                throw new DemoStartException("not ready after " + timeout.toSeconds() + " s: " + waiting + tails);
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** A node ended: unless the demo is stopping it, say so; the cluster carries on without it. */
    private void exited(NodeChild c) {
        if (stopping || !c.moveTo(NodeChild.State.DIED)) {
            return;
        }
        String mds = c.journal() == 0 ? " It served the metadata server: clients cannot reach the filesystem until "
                + "the demo is restarted (no MDS failover yet)." : "";
        console.println("gfspnfs demo: " + c.name() + " died (exit status " + c.process().exitValue() + "; log "
                + c.log() + "). The other nodes carry on: they fence it, recover its locks and replay its journal "
                + "(watch with ./gfsctl status)." + mds);
        console.flush();
    }

    /** Blocks until {@link #stop()} has finished; false if the timeout passed first. */
    boolean awaitStopped(long timeout, TimeUnit unit) throws InterruptedException {
        return stopped.await(timeout, unit);
    }

    /**
     * Stops every node with SIGTERM and reports each one. Nodes N..3 go one at a time, so the remaining ones stay
     * quorate while each leaves; node1 and node2 then leave together, as a cluster-wide shutdown does. Returns
     * whether every node that was running stopped cleanly (a node that died earlier was reported then).
     */
    synchronized boolean stop() throws InterruptedException {
        if (stopped.getCount() == 0) {
            return allClean();
        }
        stopping = true;
        try {
            for (int i = nodes.size() - 1; i >= 2; i--) {
                stopAndReport(List.of(nodes.get(i)));
            }
            stopAndReport(nodes.subList(0, Math.min(2, nodes.size())));
        } finally {
            stopped.countDown();
        }
        return allClean();
    }

    private boolean allClean() {
        return nodes.stream().allMatch(c -> c.state() == NodeChild.State.DIED || c.printed("stopped cleanly"));
    }

    private void stopAndReport(List<NodeChild> group) throws InterruptedException {
        List<NodeChild> running = group.stream().filter(c -> c.moveTo(NodeChild.State.STOPPING)).toList();
        running.forEach(c -> c.process().destroy());
        for (NodeChild c : running) {
            int status = c.terminate(STOP_GRACE);
            c.moveTo(NodeChild.State.STOPPED);
            // 143: the JVM ends "killed by SIGTERM" even after its shutdown hook closed the daemon cleanly.
            if ((status == 0 || status == SIGTERM_STATUS) && c.printed("stopped cleanly")) {
                console.println(c.name() + " stopped cleanly (left the cluster; journal " + c.journal()
                        + " committed and marked clean)");
            } else {
                console.println(c.name() + " did not stop cleanly (exit status " + status + "; see " + c.log()
                        + "): its journal is replayed at the next start");
            }
            console.flush();
        }
        for (NodeChild c : group) {
            if (c.state() == NodeChild.State.DIED) {
                console.println(c.name() + " was not running (it died earlier)");
                console.flush();
            }
        }
    }

    /**
     * Serves in the foreground until SIGTERM/SIGINT (a shutdown hook stops every node and waits for the report)
     * or until the calling thread is interrupted (tests, embedding); then stops the nodes, hands {@code report}
     * whether every one stopped cleanly (before the hook lets the JVM exit), and returns it.
     */
    boolean runUntilStopped(Consumer<Boolean> report) {
        CountDownLatch reported = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            try {
                stop();
                reported.await(REPORT_GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "gfspnfs-demo-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        boolean clean = false;
        try {
            while (!awaitStopped(1, TimeUnit.HOURS)) {
                // keep supervising; deaths are reported as they happen
            }
            clean = allClean();
        } catch (InterruptedException e) {
            clean = stopAfterInterrupt();
        } finally {
            report.accept(clean);
            reported.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is what stopped us; the JVM is exiting anyway.
            }
        }
        return clean;
    }

    private boolean stopAfterInterrupt() {
        try {
            return stop();
        } catch (InterruptedException again) {
            return false;
        } finally {
            Thread.currentThread().interrupt();
        }
    }

    /** The demo could not bring the cluster up. */
    static final class DemoStartException extends Exception {
        DemoStartException(String message) {
            super(message);
        }
    }
}
