package org.gfspnfs.node.daemon;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.gfspnfs.conf.ClusterConf;
import org.gfspnfs.conf.HostPort;
import org.gfspnfs.gfs.MountOptions;

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
 * @param membership  whether the node runs alone ({@code locks} gives its glocks) or joins the cluster of
 *                    cluster.conf (Hazelcast membership, fencing, the DLM; {@code locks} is then unused)
 * @param quorumWait  in a cluster: how long start waits for quorum before it gives up
 * @param metadataCacheBlocks clean metadata blocks the mount keeps cached ({@link #withMetadataCacheFor}: a
 *                    quarter of the heap; the filesystem's default of 64k blocks is 256 MiB of 4 KiB blocks, more
 *                    than a small node JVM has, which then ran a full GC every few thousand creates)
 */
public record DaemonOptions(ClusterConf conf, String nodeName, Path exportsFile, Path stateDir,
                            LockModuleFactory locks, Clock clock, List<HostPort> extraDataServers,
                            Membership membership, Duration quorumWait, int metadataCacheBlocks) {

    /** How the node learns who else uses the shared device. */
    public enum Membership {
        /** The only node on the device: local glocks, no membership, nobody to fence. */
        SINGLE_PROCESS,
        /** A member of the cluster.conf cluster: Hazelcast view, quorum, fencing, DLM-backed glocks. */
        CLUSTER
    }

    public DaemonOptions {
        Objects.requireNonNull(conf, "conf");
        Objects.requireNonNull(nodeName, "nodeName");
        Objects.requireNonNull(exportsFile, "exportsFile");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(locks, "locks");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(membership, "membership");
        Objects.requireNonNull(quorumWait, "quorumWait");
        extraDataServers = List.copyOf(extraDataServers);
        if (metadataCacheBlocks < MIN_CACHE_BLOCKS) {
            throw new IllegalArgumentException("metadata cache of " + metadataCacheBlocks + " blocks is below "
                    + MIN_CACHE_BLOCKS);
        }
    }

    /** The smallest metadata cache a node gets, whatever its heap. */
    public static final int MIN_CACHE_BLOCKS = 1024;

    public DaemonOptions(ClusterConf conf, String nodeName, Path exportsFile, Path stateDir, LockModuleFactory locks,
                         Clock clock) {
        this(conf, nodeName, exportsFile, stateDir, locks, clock, List.of(), Membership.SINGLE_PROCESS,
                DEFAULT_QUORUM_WAIT, MountOptions.DEFAULT_CACHE_BLOCKS);
    }

    /** How long a cluster node waits for quorum at start by default. */
    public static final Duration DEFAULT_QUORUM_WAIT = Duration.ofSeconds(120);

    /** The same options, serving {@code endpoints} as additional local data servers (single-process demo). */
    public DaemonOptions withExtraDataServers(List<HostPort> endpoints) {
        return new DaemonOptions(conf, nodeName, exportsFile, stateDir, locks, clock, endpoints, membership,
                quorumWait, metadataCacheBlocks);
    }

    /** The same options as a member of the cluster.conf cluster, waiting up to {@code wait} for quorum. */
    public DaemonOptions inCluster(Duration wait) {
        return new DaemonOptions(conf, nodeName, exportsFile, stateDir, locks, clock, extraDataServers,
                Membership.CLUSTER, wait, metadataCacheBlocks);
    }

    /**
     * The same options with a metadata cache of a quarter of {@code heapBytes} (the process's maximum heap, which
     * {@code main} knows) in 4 KiB blocks, between {@link #MIN_CACHE_BLOCKS} and the filesystem's default.
     */
    public DaemonOptions withMetadataCacheFor(long heapBytes) {
        long blocks = Math.max(MIN_CACHE_BLOCKS, Math.min(MountOptions.DEFAULT_CACHE_BLOCKS, heapBytes / 4 / 4096));
        return new DaemonOptions(conf, nodeName, exportsFile, stateDir, locks, clock, extraDataServers, membership,
                quorumWait, (int) blocks);
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
