package org.gfspnfs.conf;

import java.util.Objects;

/**
 * A GFS2 lock table name, {@code cluster:fs} as given to {@code mkfs.gfs2 -t}: the filesystem may only be mounted
 * in the cluster named by the first part; the second part names the DLM lockspace.
 *
 * @param cluster the cluster name, equal to {@code <cluster name>}
 * @param fsName  the lockspace name
 */
public record LockTable(String cluster, String fsName) {

    public LockTable {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(fsName, "fsName");
    }

    @Override
    public String toString() {
        return cluster + ":" + fsName;
    }
}
