package org.gfspnfs.dlm.api;

/** How a lock operation ended (the status a Linux dlm completion AST finds in the lksb). */
public enum LockStatus {
    /** The requested mode is granted (0). */
    GRANTED,
    /** NOQUEUE and not grantable at once (-EAGAIN). */
    WOULD_BLOCK,
    /** Part of a deadlock: a conversion deadlock without CONVDEADLK, or the victim of cluster-wide detection. */
    DEADLOCK,
    /** Cancelled before it was granted (-DLM_ECANCEL); a conversion falls back to its granted mode. */
    CANCELLED,
    /** The lock was released (-DLM_EUNLOCK). */
    UNLOCKED
}
