package org.gfspnfs.gfs.lock;

/**
 * Glock states (GFS2 {@code LM_ST_*}). The DLM implementation maps UN to NL, SH to PR, DF to CW and EX to EX.
 */
public enum LockMode {
    /** Unlocked: nothing may be cached. */
    UN,
    /** Shared: read and cache. */
    SH,
    /** Deferred: shared among DF holders only (direct I/O); incompatible with SH and EX. */
    DF,
    /** Exclusive: read, write and cache. */
    EX;

    /** Whether a lock in this mode can be granted while another node holds {@code other}. */
    public boolean compatibleWith(LockMode other) {
        if (this == UN || other == UN) {
            return true;
        }
        if (this == EX || other == EX) {
            return false;
        }
        return this == other;
    }

    /** Whether holding this mode lets the holder do what {@code wanted} allows. */
    public boolean covers(LockMode wanted) {
        return this == wanted || this == EX || wanted == UN;
    }
}
