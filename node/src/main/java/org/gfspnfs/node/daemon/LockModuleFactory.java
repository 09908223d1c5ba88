package org.gfspnfs.node.daemon;

import org.gfspnfs.conf.ClusterConf;
import org.gfspnfs.conf.ClusterNode;
import org.gfspnfs.gfs.lock.LockModule;

/**
 * Where a node's glocks come from (GFS2's lock_nolock versus lock_dlm): the seam between the daemon and the lock
 * manager. {@link #local()} is the in-process lock module for a node that is the only one mounting the device (the
 * demo, single-node setups); the DLM-backed factory from dlm-bridge plugs in here for clusters. The daemon closes
 * the module it gets when it stops.
 */
@FunctionalInterface
public interface LockModuleFactory {

    /** A lock module for {@code self} in {@code conf}'s cluster, ready for the filesystem to join its lockspace. */
    LockModule create(ClusterConf conf, ClusterNode self) throws DaemonException;

    /**
     * The single-node lock module: in-process glocks, plus an exclusive OS lock on the device file so a second
     * process (another {@code gfspnfs start} or {@code demo} on the same image) is refused instead of replaying and
     * overwriting a journal that is in use.
     */
    static LockModuleFactory local() {
        return (conf, self) -> SingleNodeLockModule.open(conf.filesystem().device());
    }
}
