package org.gfspnfs.control.api;

/** OPEN4_SHARE_ACCESS (RFC 8881 section 18.16). */
public enum ShareAccess {
    READ, WRITE, BOTH
}
