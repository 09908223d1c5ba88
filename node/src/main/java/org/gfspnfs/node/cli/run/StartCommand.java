package org.gfspnfs.node.cli.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import org.gfspnfs.conf.ClusterConf;
import org.gfspnfs.conf.ClusterConfParser;
import org.gfspnfs.conf.ConfException;
import org.gfspnfs.node.cli.ExitCodes;
import org.gfspnfs.node.cli.VersionProvider;
import org.gfspnfs.node.daemon.DaemonException;
import org.gfspnfs.node.daemon.DaemonOptions;
import org.gfspnfs.node.daemon.NodeDaemon;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gfspnfs start --conf FILE --node NAME}: runs one node's daemon (its roles from cluster.conf) in the
 * foreground until SIGTERM or SIGINT, then shuts down cleanly (journal committed and marked clean). With more
 * than one node in cluster.conf the node joins the cluster (membership, quorum, fencing, DLM) before it mounts.
 */
@Command(name = "start",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Run this node's daemon: mount the shared filesystem with the node's journal and serve the "
                + "node's roles, until SIGTERM or SIGINT.",
                "Exit status: 0 stopped cleanly, 1 invalid configuration, 8 failure."})
public final class StartCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--conf", required = true, paramLabel = "FILE", description = "the cluster.conf")
    Path conf;

    @Option(names = "--node", required = true, paramLabel = "NAME", description = "this node's name in it")
    String node;

    @Option(names = "--exports", paramLabel = "FILE",
            description = "exports(5)-style file the NFS server serves (default: 'exports' next to cluster.conf)")
    Path exports;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "node-local state, e.g. the NFS clients that may reclaim after a restart "
                    + "(default: state/NAME next to cluster.conf)")
    Path stateDir;

    @Option(names = "--quorum-wait", paramLabel = "SECONDS", defaultValue = "120",
            description = "in a cluster of several nodes: how long to wait for quorum before giving up "
                    + "(default: ${DEFAULT-VALUE})")
    long quorumWaitSeconds;

    @Option(names = "--supervisor-pid", paramLabel = "PID", hidden = true,
            description = "the process that supervises this node (gfspnfs demo): if it ends without stopping this "
                    + "node, the node stops cleanly too, rather than serving on as an orphan")
    Long supervisorPid;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ClusterConf cluster;
        try {
            cluster = ClusterConfParser.parse(conf);
        } catch (ConfException e) {
            e.problems().forEach(p -> err.println(p.format()));
            err.flush();
            return ExitCodes.INVALID;
        } catch (IOException e) {
            err.println("gfspnfs start: cannot read " + conf + ": " + e.getMessage());
            err.flush();
            return ExitCodes.INVALID;
        }
        Path exportsFile = exports != null ? exports
                : conf.toAbsolutePath().getParent().resolve("exports");
        AtomicReference<NodeDaemon> started = new AtomicReference<>();
        followSupervisor(started, err);
        NodeDaemon daemon;
        try {
            Path state = stateDir != null ? stateDir : DaemonOptions.defaultStateDir(conf, node);
            DaemonOptions options = DaemonOptions.of(cluster, node, exportsFile, state)
                    .withMetadataCacheFor(Runtime.getRuntime().maxMemory());
            if (cluster.nodes().size() > 1) {
                // Several nodes share the device: join the cluster (membership, fencing, DLM) before mounting.
                options = options.inCluster(Duration.ofSeconds(quorumWaitSeconds));
            }
            daemon = NodeDaemon.start(options);
            started.set(daemon);
        } catch (DaemonException e) {
            err.println("gfspnfs start: " + e.getMessage());
            err.flush();
            return ExitCodes.FAILURE;
        }
        try {
            out.println("node " + node + " running" + (daemon.nfsAddress() == null ? ""
                    : ", NFSv4.1 on " + daemon.nfsAddress().getHostString() + ":" + daemon.nfsAddress().getPort()));
            if (!daemon.advertisedDataServers().isEmpty()) {
                out.println("  pNFS data servers (advertised) " + String.join(", ", daemon.advertisedDataServers()));
            }
            out.println("  control channel " + daemon.controlAddress().getHostString() + ":"
                    + daemon.controlAddress().getPort());
            ForegroundDaemon.announceReady(daemon, out);
        } catch (IOException e) {
            err.println("gfspnfs start: the NFS port does not accept connections: " + e.getMessage());
            daemon.close();
            return ExitCodes.FAILURE;
        }
        return ForegroundDaemon.runUntilStopped(daemon, out, err);
    }

    /**
     * With --supervisor-pid: when the supervisor ends without stopping this node (killed, or it crashed), a running
     * node stops cleanly (a clean leave); a node still starting exits, rather than serving on as an orphan.
     */
    private void followSupervisor(AtomicReference<NodeDaemon> started, PrintWriter err) {
        if (supervisorPid == null) {
            return;
        }
        Runnable gone = () -> {
            NodeDaemon daemon = started.get();
            if (daemon != null) {
                daemon.close();
                return;
            }
            err.println("gfspnfs start: the supervising process " + supervisorPid + " ended while node " + node
                    + " was starting; exiting");
            err.flush();
            System.exit(ExitCodes.FAILURE);
        };
        ProcessHandle.of(supervisorPid).ifPresentOrElse(s -> s.onExit().thenRun(gone), gone);
    }
}
