package org.gfspnfs.node.cli.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * {@code gfspnfs demo}: a ready one-node pNFS server in one command. Prepares a working folder ({@link DemoSetup}),
 * starts the daemon (MDS, data servers, control channel), prints where everything is, the mount command and
 * gfsctl commands to try, then "ready" once the ports accept connections; runs until SIGTERM/SIGINT and shuts
 * down cleanly.
 *
 * <p>One process serves the MDS and all data servers over one image. cluster.conf gives a node one nfs_ds
 * endpoint, so node1's is the first data server and the others are extra local endpoints of the same process
 * ({@code DaemonOptions.extraDataServers}), not invented nodes.
 */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Start a ready single-node pNFS server (NFSv4.1 files layout) on 127.0.0.1, exporting a fresh "
                + "(or the existing) filesystem image under the working folder as '/'. Stop it with Ctrl-C or "
                + "SIGTERM.",
                "Ports, consecutive from --port (P) with N = --data-servers: the metadata server on P, data servers "
                + "on P+1..P+N, the control channel (gfsctl) on P+N+1. One process serves them all over one image: "
                + "the first data server is node1's nfs_ds from cluster.conf, the other N-1 are extra local "
                + "endpoints of this process (cluster.conf gives a node one data-server endpoint; the multi-node "
                + "demo comes with the DLM).",
                "Exit status: 0 stopped cleanly, 8 failure (for example a port is busy)."})
public final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "var/demo",
            description = "working folder for cluster.conf, the key, exports and disk.img (default: ${DEFAULT-VALUE})")
    Path dir;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "20490",
            description = "NFS port on 127.0.0.1 (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--data-servers", paramLabel = "N", defaultValue = "3",
            description = "data-server endpoints to stripe over, on ports P+1..P+N (default: ${DEFAULT-VALUE})")
    int dataServers;

    @Option(names = "--advertise", paramLabel = "ADDR", defaultValue = DemoSetup.HOST,
            description = {"IP address clients are given for the data servers (GETDEVICEINFO; default: "
                    + "${DEFAULT-VALUE}). For a client in a VM give this host's address as the VM reaches it; unless "
                    + "--listen says otherwise the data servers then listen on every address (0.0.0.0) while the MDS "
                    + "and the control channel stay on 127.0.0.1."})
    String advertise;

    @Option(names = "--listen", paramLabel = "ADDR",
            description = {"Address the data servers bind (default: 127.0.0.1 when --advertise is a loopback "
                    + "address, else 0.0.0.0). Tests keep 127.0.0.1 and forward the advertised address to it."})
    String listen;

    @Option(names = "--image-size", paramLabel = "SIZE", defaultValue = "4G", hidden = true,
            description = "size of a new sparse image, with K, M, G or T (default: ${DEFAULT-VALUE})")
    String imageSize;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (dataServers < 1 || dataServers > 64) {
            err.println("gfspnfs demo: --data-servers must be 1..64, not " + dataServers);
            err.flush();
            return ExitCodes.USAGE;
        }
        if (!advertise.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            err.println("gfspnfs demo: --advertise must be an IPv4 address, not " + advertise);
            err.flush();
            return ExitCodes.USAGE;
        }
        int last = port + dataServers + 3;
        if (port < 1 || last > 65535) {
            err.println("gfspnfs demo: --port must be 1.." + (65535 - dataServers - 3) + " (the demo uses ports P.."
                    + "P+" + (dataServers + 3) + "), not " + port);
            err.flush();
            return ExitCodes.USAGE;
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
            setup.writeExports();
            long size = Sizes.parse(imageSize);
            boolean reuse = Files.exists(setup.image());
            out.println(reuse ? "reusing " + setup.image()
                    : "formatting " + setup.image() + " (" + imageSize + " sparse, " + DemoSetup.JOURNALS
                    + " journals) ...");
            out.flush();
            setup.ensureImage(size);
            daemon = NodeDaemon.start(DaemonOptions.of(conf, DemoSetup.NODE, setup.exportsFile(),
                    DaemonOptions.defaultStateDir(setup.confFile(), DemoSetup.NODE))
                    .withExtraDataServers(DemoSetup.extraDataServers(port, dataServers, dsListen)));
            printSummary(out, setup, newKey, daemon);
            ForegroundDaemon.announceReady(daemon, out);
        } catch (IOException | ConfException | DaemonException | IllegalArgumentException e) {
            err.println("gfspnfs demo: " + e.getMessage());
            err.flush();
            return ExitCodes.FAILURE;
        }
        return ForegroundDaemon.runUntilStopped(daemon, out, err);
    }

    private static String portBusy(String host, int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(host, port));
            return null;
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    private void printSummary(PrintWriter out, DemoSetup setup, boolean newKey, NodeDaemon daemon) {
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
