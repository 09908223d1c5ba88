package org.gfspnfs.nfs41.state;

/** What a stateid stands for (RFC 8881 section 8.2.1). */
public enum StateType {
    OPEN, LOCK, DELEGATION, LAYOUT
}
