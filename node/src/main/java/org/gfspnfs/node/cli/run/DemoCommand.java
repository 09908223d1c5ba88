package org.gfspnfs.node.cli.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import org.gfspnfs.conf.ClusterConf;
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
 * {@code gfspnfs demo}: a ready pNFS cluster in one command. Prepares a working folder ({@link DemoSetup}), starts
 * the nodes, prints where everything is, the mount command and gfsctl commands to try, then "ready"; runs until
 * SIGTERM/SIGINT and stops every node cleanly.
 *
 * <p>By default three nodes ({@link DemoCluster}): node1 serves the MDS and a data server, node2 and node3 a data
 * server each, every node a {@code gfspnfs start} child process with its own journal on the one image, joined by
 * membership, quorum, fencing and the DLM. With {@code --nodes 1} one process serves the MDS and
 * {@code --data-servers} data-server endpoints over the image (local glocks; for small machines).
 */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Start a ready pNFS cluster (NFSv4.1 files layout) on 127.0.0.1, exporting a fresh (or the "
                + "existing) filesystem image under the working folder as '/'. Stop it with Ctrl-C or SIGTERM.",
                "Cluster (--nodes N, default 3): node1 serves the metadata server and a data server, node2..nodeN "
                + "a data server each; every node is a child process with its own journal and log (DIR/nodeK.log). "
                + "Ports from --port (P): the metadata server on P, node K's data server on P+K, its control "
                + "channel on P+N+K, its DLM on P+2N+K and its membership on P+3N+K (P..P+4N in all).",
                "Single process (--nodes 1): the metadata server on P, --data-servers M endpoints on P+1..P+M, "
                + "the control channel on P+M+1, DLM and membership (unused) on P+M+2, P+M+3.",
                "An existing folder keeps its image and data: cluster.conf is rewritten for the nodes asked for; "
                + "an image with fewer journals than nodes is refused, never reformatted.",
                "Exit status: 0 stopped cleanly, 2 usage, 8 failure (for example a port is busy)."})
public final class DemoCommand implements Callable<Integer> {
    /** How long each node waits for quorum, and the demo for every node to be ready. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    static final int DEFAULT_NODES = 3;
    static final int MAX_NODES = 16;

    /** Starts the node processes; null where this process cannot (then only --nodes 1 runs). */
    private final NodeLauncher launcher;

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "var/demo",
            description = "working folder for cluster.conf, the key, exports, disk.img and the node logs "
                    + "(default: ${DEFAULT-VALUE})")
    Path dir;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "20490",
            description = "NFS (metadata server) port on 127.0.0.1; the demo uses the ports after it too "
                    + "(default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--nodes", paramLabel = "N",
            description = "cluster nodes, each a process with a data server; 1 runs everything in this process "
                    + "(default: " + DEFAULT_NODES + ", or --data-servers)")
    Integer nodes;

    @Option(names = "--data-servers", paramLabel = "N",
            description = {"with --nodes 1: data-server endpoints of the one process (default 3). Otherwise the "
                    + "number of data servers is the number of nodes: --data-servers N alone means --nodes N"})
    Integer dataServers;

    @Option(names = "--advertise", paramLabel = "ADDR", defaultValue = DemoSetup.HOST,
            description = {"IP address clients are given for the data servers (GETDEVICEINFO; default: "
                    + "${DEFAULT-VALUE}). For a client in a VM give this host's address as the VM reaches it; unless "
                    + "--listen says otherwise the data servers then listen on every address (0.0.0.0) while the MDS "
                    + "and the control channel stay on 127.0.0.1."})
    String advertise;

    @Option(names = "--pnfs", paramLabel = "TYPE", defaultValue = "files",
            description = "layouts clients get: files (striped over every data server), flexfiles (RFC 8435, one "
                    + "data server per file) or none (all I/O through the MDS); default: ${DEFAULT-VALUE}")
    DemoLayout layout;

    @Option(names = "--listen", paramLabel = "ADDR",
            description = {"Address the data servers bind (default: 127.0.0.1 when --advertise is a loopback "
                    + "address, else 0.0.0.0). Tests keep 127.0.0.1 and forward the advertised address to it."})
    String listen;

    @Option(names = "--image-size", paramLabel = "SIZE", defaultValue = "4G", hidden = true,
            description = "size of a new sparse image, with K, M, G or T (default: ${DEFAULT-VALUE})")
    String imageSize;

    /** For picocli's own instantiation (help, completion); such a demo can only run --nodes 1. */
    public DemoCommand() {
        this(null);
    }

    public DemoCommand(NodeLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!advertise.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return usage(err, "--advertise must be an IPv4 address, not " + advertise);
        }
        int n = nodes != null ? nodes : dataServers != null ? dataServers : DEFAULT_NODES;
        if (n < 1 || n > MAX_NODES) {
            return usage(err, "--nodes must be 1.." + MAX_NODES + ", not " + n);
        }
        if (n == 1) {
            return runSingle(out, err, dataServers != null ? dataServers : 3);
        }
        if (dataServers != null && dataServers != n) {
            return usage(err, "a cluster demo has one data server per node: --data-servers " + dataServers
                    + " does not fit --nodes " + n + " (drop --data-servers, or use --nodes 1 for several "
                    + "data-server endpoints in one process)");
        }
        if (launcher == null) {
            err.println("gfspnfs demo: this launcher cannot start node processes; run it with --nodes 1");
            err.flush();
            return ExitCodes.FAILURE;
        }
        return new ClusterDemo(spec, launcher, dir, port, n, advertise, listen, imageSize, layout).run(out, err);
    }

    static int usage(PrintWriter err, String message) {
        err.println("gfspnfs demo: " + message);
        err.flush();
        return ExitCodes.USAGE;
    }

    private int runSingle(PrintWriter out, PrintWriter err, int dataServers) {
        if (dataServers < 1 || dataServers > 64) {
            return usage(err, "--data-servers must be 1..64, not " + dataServers);
        }
        int last = port + dataServers + 3;
        if (port < 1 || last > 65535) {
            return usage(err, "--port must be 1.." + (65535 - dataServers - 3) + " (the demo uses ports P.."
                    + "P+" + (dataServers + 3) + "), not " + port);
        }
        String dsListen = listen != null ? listen : DemoSetup.dataServerHost(advertise);
        for (int p = port; p <= port + dataServers + 1; p++) {
            String busy = portBusy(p == port || p > port + dataServers ? DemoSetup.HOST : dsListen, p);
            if (busy != null) {
                err.println("gfspnfs demo: port " + p + " is busy (" + busy + "); is a "
                        + "demo already running? Stop it or pick another port with --port (the demo uses " + port
                        + ".." + (port + dataServers + 1) + ").");
                err.flush();
                return ExitCodes.FAILURE;
            }
        }
        DemoSetup setup = new DemoSetup(dir);
        NodeDaemon daemon;
        try {
            ClusterConf conf = setup.writeConf(port, dataServers, advertise, dsListen);
            boolean newKey = setup.ensureKey();
            setup.writeExports(layout);
            long size = Sizes.parse(imageSize);
            boolean reuse = Files.exists(setup.image());
            out.println(reuse ? "reusing " + setup.image()
                    : "formatting " + setup.image() + " (" + imageSize + " sparse, " + DemoSetup.JOURNALS
                    + " journals) ...");
            out.flush();
            setup.ensureImage(size);
            daemon = NodeDaemon.start(DaemonOptions.of(conf, DemoSetup.NODE, setup.exportsFile(),
                    DaemonOptions.defaultStateDir(setup.confFile(), DemoSetup.NODE))
                    .withExtraDataServers(DemoSetup.extraDataServers(port, dataServers, dsListen))
                    .withMetadataCacheFor(Runtime.getRuntime().maxMemory()));
            printSummary(out, setup, newKey, daemon, dataServers);
            ForegroundDaemon.announceReady(daemon, out);
        } catch (IOException | ConfException | DaemonException | IllegalArgumentException e) {
            err.println("gfspnfs demo: " + e.getMessage());
            err.flush();
            return ExitCodes.FAILURE;
        }
        return ForegroundDaemon.runUntilStopped(daemon, out, err);
    }

    static String portBusy(String host, int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(host, port));
            return null;
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    private void printSummary(PrintWriter out, DemoSetup setup, boolean newKey, NodeDaemon daemon, int dataServers) {
        out.println("gfs-pnfs demo: node " + DemoSetup.NODE + " serving pNFS (NFSv4.1 files layout) on "
                + DemoSetup.HOST + ":" + port);
        out.println("  data servers    " + String.join(", ", daemon.advertisedDataServers()) + "  (stripe order; "
                + "the first is " + DemoSetup.NODE + "'s nfs_ds, the other " + (dataServers - 1) + " are extra "
                + "endpoints of this process: --data-servers)");
        out.println("  control channel " + DemoSetup.HOST + ":" + daemon.controlAddress().getPort());
        out.println("  working folder  " + setup.dir());
        out.println("  cluster.conf    " + setup.confFile());
        out.println("  key             " + setup.keyFile() + (newKey ? " (new)" : ""));
        out.println("  exports         " + setup.exportsFile() + "  (/ rw for " + String.join(", ", DemoSetup.CLIENTS)
                + ")");
        out.println("  filesystem      " + setup.image());
        out.println("  client state    " + DaemonOptions.defaultStateDir(setup.confFile(), DemoSetup.NODE)
                + "  (NFS clients that may reclaim after a restart)");
        out.println("Mount it from a Linux client (as root):");
        out.println("  mount -t nfs4 -o vers=4.1,port=" + port + " " + DemoSetup.HOST + ":/ /mnt");
        String conf = " --conf " + setup.confFile();
        out.println("Look inside with gfsctl (add --json for scripts):");
        for (String query : List.of("status", "fs", "clients", "sessions", "layouts")) {
            out.println("  ./gfsctl " + query + conf);
        }
        out.println("Stop with Ctrl-C or SIGTERM (clean shutdown: journal committed and marked clean).");
        out.flush();
    }
}
