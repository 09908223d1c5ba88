package org.gfspnfs.node.cli.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gfspnfs.conf.Channel;
import org.gfspnfs.conf.ClusterConf;
import org.gfspnfs.conf.ClusterConfParser;
import org.gfspnfs.conf.ClusterNode;
import org.gfspnfs.conf.ConfException;
import org.gfspnfs.conf.HostPort;
import org.gfspnfs.conf.Role;
import org.gfspnfs.node.cli.ExitCodes;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code gfspnfs demo --nodes N} (N > 1): checks the ports, prepares the folder (keeping an existing image and its
 * data, refusing one with too few journals), writes the N-node cluster.conf, starts the nodes as child processes
 * ({@link DemoCluster}), prints the summary and "ready" once every node is, and supervises until stopped.
 */
final class ClusterDemo {
    private final CommandSpec spec;
    private final NodeLauncher launcher;
    private final DemoSetup setup;
    private final int port;
    private final int nodes;
    private final String advertise;
    private final String listen;
    private final String imageSize;
    private final DemoLayout layout;

    ClusterDemo(CommandSpec spec, NodeLauncher launcher, Path dir, int port, int nodes, String advertise,
                String listen, String imageSize, DemoLayout layout) {
        this.layout = layout;
        this.spec = spec;
        this.launcher = launcher;
        this.setup = new DemoSetup(dir);
        this.port = port;
        this.nodes = nodes;
        this.advertise = advertise;
        this.listen = listen != null ? listen : DemoSetup.dataServerHost(advertise);
        this.imageSize = imageSize;
    }

    int run(PrintWriter out, PrintWriter err) {
        int last = port + 4 * nodes;
        if (port < 1 || last > 65535) {
            return DemoCommand.usage(err, "--port must be 1.." + (65535 - 4 * nodes) + " (a " + nodes
                    + "-node demo uses ports P..P+" + 4 * nodes + "), not " + port);
        }
        String busy = busyPort();
        if (busy != null) {
            return fail(err, busy);
        }
        DemoCluster cluster;
        try {
            int journals = prepareImage(out);
            if (journals < 0) {
                return fail(err, "");
            }
            describeOldConf(out);
            ClusterConf conf = setup.writeClusterConf(port, nodes, journals, advertise, listen);
            boolean newKey = setup.ensureKey();
            setup.writeExports(layout);
            out.println("starting " + nodes + " nodes (each logs to " + setup.dir().resolve("nodeK.log") + ") ...");
            out.flush();
            cluster = DemoCluster.start(launcher, conf, setup.confFile(), DemoCommand.START_TIMEOUT, out);
            try {
                cluster.awaitReady(DemoCommand.START_TIMEOUT);
            } catch (DemoCluster.DemoStartException | InterruptedException e) {
                err.println("gfspnfs demo: " + e.getMessage());
                err.flush();
                cluster.stop();
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                return ExitCodes.FAILURE;
            }
            new DemoSummary(setup, conf, port, newKey).print(out);
            out.println("ready");
            out.flush();
        } catch (IOException | ConfException | IllegalArgumentException e) {
            return fail(err, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.FAILURE;
        }
        boolean clean = cluster.runUntilStopped(ok -> {
            if (ok) {
                out.println("demo stopped: every node left the cluster cleanly");
            } else {
                err.println("gfspnfs demo: not every node stopped cleanly (see above and the node logs); their "
                        + "journals are replayed at the next start");
                err.flush();
            }
            out.flush();
        });
        return clean ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private static int fail(PrintWriter err, String message) {
        if (!message.isEmpty()) {
            err.println("gfspnfs demo: " + message);
        }
        err.flush();
        return ExitCodes.FAILURE;
    }

    /** The first busy port of the range as a message, or null when all are free. */
    private String busyPort() {
        for (int i = 1; i <= nodes; i++) {
            for (Map.Entry<Channel, HostPort> e : DemoSetup.clusterPorts(port, nodes, i, listen).entrySet()) {
                if (e.getKey() == Channel.NFS_MDS && i > 1) {
                    continue;
                }
                String busy = DemoCommand.portBusy(e.getValue().host(), e.getValue().port());
                if (busy != null) {
                    return "port " + e.getValue().port() + " is busy (" + busy + "); is a demo already running? Stop "
                            + "it or pick another port with --port (a " + nodes + "-node demo uses " + port + ".."
                            + (port + 4 * nodes) + ").";
                }
            }
        }
        return null;
    }

    /**
     * Formats the image when there is none (a journal per node, at least three, and the fence area); an existing
     * one is kept if it has a journal for every node. Returns the image's journal count, or -1 after explaining
     * why the image does not fit.
     */
    private int prepareImage(PrintWriter out) throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.exists(setup.image())) {
            int journals = DemoSetup.journalsFor(nodes);
            out.println("formatting " + setup.image() + " (" + imageSize + " sparse, " + journals + " journals, "
                    + "disk-fencing area) ...");
            out.flush();
            setup.ensureImage(Sizes.parse(imageSize), journals);
            return journals;
        }
        DemoSetup.ImageInfo image = setup.imageInfo();
        if (image.journals() < nodes) {
            err.println("gfspnfs demo: " + setup.image() + " has " + image.journals() + " journal"
                    + (image.journals() == 1 ? "" : "s") + ", but a " + nodes + "-node demo needs one per node. "
                    + "The image is kept as it is (never reformatted): run with --nodes " + image.journals()
                    + " or fewer, or give a new --dir (or move " + setup.image().getFileName() + " away) for a "
                    + "fresh image.");
            return -1;
        }
        out.println("reusing " + setup.image() + " (" + image.journals() + " journals" + (image.fenceArea() ? ""
                : "; made before the disk-fencing area existed, so the nodes fence through "
                + setup.image().getFileName() + ".fence next to it") + ")");
        out.flush();
        return image.journals();
    }

    /** An older demo's cluster.conf (e.g. a single node) is replaced; say so, since the admin may have read it. */
    private void describeOldConf(PrintWriter out) {
        if (!Files.exists(setup.confFile())) {
            return;
        }
        try {
            int before = ClusterConfParser.parse(setup.confFile()).nodes().size();
            if (before != nodes) {
                out.println("rewriting " + setup.confFile() + " for " + nodes + " nodes (it had " + before + "); the "
                        + "image and its data are kept");
            }
        } catch (IOException | ConfException | RuntimeException e) {
            out.println("rewriting " + setup.confFile() + " (the old one did not parse: " + e.getMessage() + ")");
        }
    }

    /** A node's roles as cluster.conf writes them. */
    static String roles(ClusterNode n) {
        List<String> roles = new ArrayList<>();
        for (Role r : List.of(Role.MDS, Role.DS)) {
            if (n.hasRole(r)) {
                roles.add(r.name().toLowerCase(Locale.ROOT));
            }
        }
        return String.join("+", roles);
    }
}
