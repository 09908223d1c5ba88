package org.gfspnfs.node.daemon;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

import org.gfspnfs.conf.ClusterConf;
import org.gfspnfs.conf.HostPort;

/**
 * What one {@link NodeDaemon} runs: the cluster description, which node of it this process is, the exports(5)-style
 * file the NFS server serves, the lock manager seam and the clock.
 *
 * @param conf        the parsed cluster.conf
 * @param nodeName    this node's {@code <clusternode name>}
 * @param exportsFile exports file (read only when the node has the mds role)
 * @param stateDir    node-local state: the NFS clients that may reclaim after a restart
 * @param locks       lock module for the filesystem's glocks
 * @param clock       time source for the filesystem and the NFS engine
 * @param extraDataServers data-server endpoints this process serves in addition to the node's own {@code nfs_ds},
 *                    each advertised like it (the node's {@code advertise} host with the endpoint's port), after it
 *                    in stripe order. cluster.conf gives a node exactly one DS
 *                    endpoint; the single-process demo ({@code gfspnfs demo --data-servers N}) stripes over
 *                    several endpoints of one node and says so here instead of inventing nodes. Empty for a
 *                    real cluster, whose other data servers are other nodes.
 */
public record DaemonOptions(ClusterConf conf, String nodeName, Path exportsFile, Path stateDir,
                            LockModuleFactory locks, Clock clock, List<HostPort> extraDataServers) {
    public DaemonOptions {
        Objects.requireNonNull(conf, "conf");
        Objects.requireNonNull(nodeName, "nodeName");
        Objects.requireNonNull(exportsFile, "exportsFile");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(locks, "locks");
        Objects.requireNonNull(clock, "clock");
        extraDataServers = List.copyOf(extraDataServers);
    }

    public DaemonOptions(ClusterConf conf, String nodeName, Path exportsFile, Path stateDir, LockModuleFactory locks,
                         Clock clock) {
        this(conf, nodeName, exportsFile, stateDir, locks, clock, List.of());
    }

    /** The same options, serving {@code endpoints} as additional local data servers (single-process demo). */
    public DaemonOptions withExtraDataServers(List<HostPort> endpoints) {
        return new DaemonOptions(conf, nodeName, exportsFile, stateDir, locks, clock, endpoints);
    }

    /** Local locks and the system clock. */
    public static DaemonOptions of(ClusterConf conf, String nodeName, Path exportsFile, Path stateDir) {
        return new DaemonOptions(conf, nodeName, exportsFile, stateDir, LockModuleFactory.local(),
                Clock.systemUTC());
    }

    /** The default state folder of a node: {@code state/<node>} next to cluster.conf. */
    public static Path defaultStateDir(Path confFile, String nodeName) {
        return confFile.toAbsolutePath().getParent().resolve("state").resolve(nodeName);
    }
}
