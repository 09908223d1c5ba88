package org.gfspnfs.dlm.lock;

import org.gfspnfs.dlm.api.LockValueBlock;

/**
 * What a request or conversion led to at the master, at once.
 *
 * @param kind       granted now, queued (a grant follows through {@link GrantSink}), or failed
 * @param valueBlock on grant with VALBLK, the value block copy
 * @param demoted    CONVDEADLK demoted the granted mode to NL
 * @param seq        on QUEUED, the queue position stamp
 */
public record Outcome(Kind kind, LockValueBlock valueBlock, boolean demoted, long seq) {
    /** Immediate outcomes. */
    public enum Kind { GRANTED, QUEUED, WOULD_BLOCK, DEADLOCK }

    static Outcome granted(LockValueBlock lvb, boolean demoted) {
        return new Outcome(Kind.GRANTED, lvb, demoted, 0);
    }

    static Outcome queued(long seq, boolean demoted) {
        return new Outcome(Kind.QUEUED, null, demoted, seq);
    }

    static final Outcome WOULD_BLOCK = new Outcome(Kind.WOULD_BLOCK, null, false, 0);
    static final Outcome DEADLOCK = new Outcome(Kind.DEADLOCK, null, false, 0);
}
