package org.gfspnfs.control.api;

/** The access a data server is about to grant under a stateid (READ or WRITE of RFC 8881 section 13.9.1). */
public enum StateAccess {
    READ, WRITE
}
