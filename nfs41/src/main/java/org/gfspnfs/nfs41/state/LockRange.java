package org.gfspnfs.nfs41.state;

/**
 * One byte-range lock: owner, type, and the half-open range [start, end). An end of {@link #TO_EOF} means "to the
 * end of the file and beyond", which is how a length of all ones (RFC 8881 section 18.10.3) is held.
 */
public record LockRange(OwnerKey owner, boolean write, long start, long end) {
    public static final long TO_EOF = Long.MAX_VALUE;

    public boolean overlaps(long s, long e) {
        return start < e && s < end;
    }

    public boolean conflictsWith(OwnerKey other, boolean otherWrite, long s, long e) {
        return !owner.equals(other) && (write || otherWrite) && overlaps(s, e);
    }

    /** The NFS length of this range (all ones for TO_EOF). */
    public long length() {
        return end == TO_EOF ? -1L : end - start;
    }
}
