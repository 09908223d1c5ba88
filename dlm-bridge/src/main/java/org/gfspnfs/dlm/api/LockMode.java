package org.gfspnfs.dlm.api;

/**
 * The six VMS/Linux-dlm lock modes, weakest first (dlm.h: DLM_LOCK_NL .. DLM_LOCK_EX).
 *
 * <p>Compatibility is the VMS matrix: NL is compatible with everything; CR with all but EX; CW with NL, CR, CW; PR
 * with NL, CR, PR; PW with NL, CR; EX with NL only.
 */
public enum LockMode {
    /** Null: holds no access, keeps the lock (and its value block copy) alive. */
    NL,
    /** Concurrent read. */
    CR,
    /** Concurrent write (gfs2 "deferred", DF). */
    CW,
    /** Protected read (gfs2 "shared", SH). */
    PR,
    /** Protected write. */
    PW,
    /** Exclusive. */
    EX;

    // rows and columns in declaration order
    private static final boolean[][] COMPATIBLE = {
            /* NL */ {true, true, true, true, true, true},
            /* CR */ {true, true, true, true, true, false},
            /* CW */ {true, true, true, false, false, false},
            /* PR */ {true, true, false, true, false, false},
            /* PW */ {true, true, false, false, false, false},
            /* EX */ {true, false, false, false, false, false},
    };

    /** True when a lock in this mode may be granted while another is granted in {@code other}. */
    public boolean compatibleWith(LockMode other) {
        return COMPATIBLE[ordinal()][other.ordinal()];
    }

    /** True for PW and EX, the modes whose holders may write the lock value block. */
    public boolean writesValueBlock() {
        return this == PW || this == EX;
    }
}
