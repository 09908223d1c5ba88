package org.gfspnfs.gfs.lock;

/** Request modifiers, after the DLM flags GFS2 uses. */
public enum LockFlag {
    /** Fail at once with {@link LockUnavailableException} instead of waiting (DLM NOQUEUE). */
    TRY,
    /** With TRY: still send blocking callbacks to the holders in the way (DLM NOQUEUEBAST). */
    TRY_NOTIFY,
    /**
     * Grant even over locks a dead node held exclusively and whose journal is not replayed yet: only for the
     * journal lock that recovery itself takes (GFS2 LM_FLAG_NOEXP).
     */
    NOEXP
}
