package org.gfspnfs.nfs41.vfs;

/** How durable a write is when it returns (stable_how4, RFC 8881 section 18.32.3), weakest first. */
public enum Stability {
    UNSTABLE, DATA_SYNC, FILE_SYNC
}
