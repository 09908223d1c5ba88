package org.gfspnfs.nfs41.state;

import java.util.Set;

/**
 * Stable record of the clients that hold state (RFC 8881 section 8.4.3): after a restart, only these may reclaim
 * during the grace period. The MDS keeps it on shared storage so that a takeover node sees the same set.
 */
public interface RecoveryStore {
    /** The client owners recorded by the previous server instance. */
    Set<String> load();

    /** Records a client owner that now holds state (at its first confirmed session). */
    void add(String ownerKey);

    /** Forgets a client owner whose state is gone (expired or destroyed). */
    void remove(String ownerKey);
}
