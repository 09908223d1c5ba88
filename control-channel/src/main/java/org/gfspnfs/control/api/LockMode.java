package org.gfspnfs.control.api;

/**
 * A dlm lock mode as {@code dlm_tool lockdebug} prints it (dlm "Lock modes", VMS compatibility matrix).
 * {@link #IV} is dlm's DLM_LOCK_IV: "no mode", e.g. the granted mode of a lock still on the wait queue.
 */
public enum LockMode {
    IV, NL, CR, CW, PR, PW, EX
}
