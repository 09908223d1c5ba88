package org.gfspnfs.node.cli.run;

import java.io.PrintWriter;
import java.util.List;

import org.gfspnfs.conf.ClusterConf;
import org.gfspnfs.conf.ClusterNode;
import org.gfspnfs.node.daemon.NodeDaemon;

/** What the cluster demo prints once every node is ready: nodes, ports, files, the mount and gfsctl commands. */
record DemoSummary(DemoSetup setup, ClusterConf conf, int port, boolean newKey) {

    void print(PrintWriter out) {
        int n = conf.nodes().size();
        out.println("gfs-pnfs demo: a " + n + "-node cluster serving pNFS (NFSv4.1 files layout) on "
                + DemoSetup.HOST + ":" + port + ", one shared image");
        for (ClusterNode node : conf.nodes()) {
            out.println(String.format("  %-6s %-7s %sdata server %s, control %s, journal %d, log %s", node.name(),
                    ClusterDemo.roles(node), node.hasRole(org.gfspnfs.conf.Role.MDS)
                            ? "MDS " + node.nfsMds() + ", " : "", node.advertisedDs(), node.control(),
                    NodeDaemon.journalSlot(conf, node), setup.dir().resolve(node.name() + ".log")));
        }
        out.println("  ports           " + port + ".." + (port + 4 * n) + ": MDS " + port + ", data servers "
                + (port + 1) + ".." + (port + n) + ", control " + (port + n + 1) + ".." + (port + 2 * n) + ", DLM "
                + (port + 2 * n + 1) + ".." + (port + 3 * n) + ", membership " + (port + 3 * n + 1) + ".."
                + (port + 4 * n));
        out.println("  stripe order    " + String.join(", ", conf.nodes().stream()
                .map(x -> x.advertisedDs().toString()).toList()) + "  (one data server per node, nodeid order)");
        out.println("  working folder  " + setup.dir());
        out.println("  cluster.conf    " + setup.confFile());
        out.println("  key             " + setup.keyFile() + (newKey ? " (new)" : ""));
        out.println("  exports         " + setup.exportsFile() + "  (/ rw for " + String.join(", ", DemoSetup.CLIENTS)
                + ")");
        out.println("  filesystem      " + setup.image() + "  (lock table " + conf.filesystem().lockTable() + ")");
        out.println("Mount it from a Linux client (as root):");
        out.println("  mount -t nfs4 -o vers=4.1,port=" + port + " " + DemoSetup.HOST + ":/ /mnt");
        String c = " --conf " + setup.confFile();
        out.println("Look inside with gfsctl (every node answers; add --json for scripts):");
        for (String query : List.of("status", "ls", "locks " + conf.filesystem().lockTable(), "layouts", "fs")) {
            out.println("  ./gfsctl " + query + c);
        }
        out.println("Stop with Ctrl-C or SIGTERM (every node leaves the cluster cleanly; journals committed and "
                + "marked clean). A node that dies is reported here; the others fence it and replay its journal.");
        out.flush();
    }
}
