package org.gfspnfs.control.api;

/** OPEN4_SHARE_DENY (RFC 8881 section 18.16). */
public enum ShareDeny {
    NONE, READ, WRITE, BOTH
}
