package org.gfspnfs.control.api;

import java.time.Duration;

/**
 * The MDS's answer to a {@link StateidQuery}. {@code cacheFor} is how long the DS may reuse the answer without asking
 * again (a revoke notification ends it earlier); {@code clientId} is the owning client when known.
 */
public record StateidVerdict(Verdict verdict, Duration cacheFor, long clientId) {
    /** Mirrors the nfsstat4 the DS returns to its client (RFC 8881 section 15.1.5). */
    public enum Verdict { VALID, BAD_STATEID, OLD_STATEID, EXPIRED, ADMIN_REVOKED, ACCESS_DENIED, WRONG_FILE }

    public boolean valid() {
        return verdict == Verdict.VALID;
    }
}
