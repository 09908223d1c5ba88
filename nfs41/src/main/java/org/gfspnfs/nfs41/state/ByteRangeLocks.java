package org.gfspnfs.nfs41.state;

import java.util.ArrayList;
import java.util.List;

/**
 * The byte-range locks on one file, with POSIX semantics within an owner: a new lock replaces the owner's locks
 * over its range (upgrading, downgrading, merging), and unlocking a sub-range splits a lock. Not thread-safe: the
 * {@link StateManager} serialises access.
 */
final class ByteRangeLocks {
    private final List<LockRange> ranges = new ArrayList<>();

    /** The first lock of another owner that conflicts, or null. */
    LockRange conflict(OwnerKey owner, boolean write, long start, long end) {
        for (LockRange r : ranges) {
            if (r.conflictsWith(owner, write, start, end)) {
                return r;
            }
        }
        return null;
    }

    void lock(OwnerKey owner, boolean write, long start, long end) {
        unlock(owner, start, end);
        long s = start;
        long e = end;
        // Coalesce with adjacent or overlapping locks of the same owner and type, as POSIX does.
        for (LockRange r : List.copyOf(ranges)) {
            if (r.owner().equals(owner) && r.write() == write && r.start() <= e && s <= r.end()) {
                ranges.remove(r);
                s = Math.min(s, r.start());
                e = Math.max(e, r.end());
            }
        }
        ranges.add(new LockRange(owner, write, s, e));
    }

    void unlock(OwnerKey owner, long start, long end) {
        List<LockRange> keep = new ArrayList<>();
        for (LockRange r : ranges) {
            if (!r.owner().equals(owner) || !r.overlaps(start, end)) {
                keep.add(r);
                continue;
            }
            if (r.start() < start) {
                keep.add(new LockRange(owner, r.write(), r.start(), start));
            }
            if (end < r.end()) {
                keep.add(new LockRange(owner, r.write(), end, r.end()));
            }
        }
        ranges.clear();
        ranges.addAll(keep);
    }

    boolean holds(OwnerKey owner) {
        return ranges.stream().anyMatch(r -> r.owner().equals(owner));
    }

    void removeOwner(OwnerKey owner) {
        ranges.removeIf(r -> r.owner().equals(owner));
    }

    boolean isEmpty() {
        return ranges.isEmpty();
    }
}
