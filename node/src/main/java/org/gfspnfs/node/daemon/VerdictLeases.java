package org.gfspnfs.node.daemon;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.gfspnfs.control.api.StateAccess;
import org.gfspnfs.nfs41.vfs.Inode;

/**
 * The VALID stateid verdicts the MDS let data servers in other processes cache: which stateid, for which file,
 * client and access, until when. When the state behind one shrinks, the MDS looks here for the leases to take back
 * with REVOKE_STATE. Bounded: when full (after dropping expired leases) no new lease is granted and the verdict goes
 * out uncacheable. Not thread safe: {@link MdsStateidAuthority} guards it.
 */
final class VerdictLeases {
    /** One lease: the query's 16 stateid bytes as the data server will name them in a revocation. */
    record Lease(byte[] stateid, long clientId, Inode file, StateAccess access, byte[] fileHandle, Instant expires) {
    }

    private record Key(ByteBuffer stateid, ByteBuffer fileHandle, StateAccess access) {
    }

    private final int capacity;
    private final Map<Key, Lease> leases = new HashMap<>();

    VerdictLeases(int capacity) {
        this.capacity = capacity;
    }

    /** Records (or renews) a lease; false when the table is full of unexpired leases. */
    boolean grant(Lease lease, Instant now) {
        Key key = new Key(ByteBuffer.wrap(lease.stateid()), ByteBuffer.wrap(lease.fileHandle()), lease.access());
        if (!leases.containsKey(key) && leases.size() >= capacity) {
            leases.values().removeIf(l -> !now.isBefore(l.expires()));
            if (leases.size() >= capacity) {
                return false;
            }
        }
        leases.put(key, lease);
        return true;
    }

    /** Removes and returns the unexpired leases that {@code which} selects; expired ones are dropped on the way. */
    List<Lease> take(Predicate<Lease> which, Instant now) {
        List<Lease> taken = new ArrayList<>();
        for (Iterator<Lease> it = leases.values().iterator(); it.hasNext(); ) {
            Lease l = it.next();
            if (!now.isBefore(l.expires())) {
                it.remove();
            } else if (which.test(l)) {
                it.remove();
                taken.add(l);
            }
        }
        return taken;
    }

    int size() {
        return leases.size();
    }
}
