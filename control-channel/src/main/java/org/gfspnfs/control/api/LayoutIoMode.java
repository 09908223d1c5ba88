package org.gfspnfs.control.api;

/** layoutiomode4 (RFC 8881 section 3.3.20). */
public enum LayoutIoMode {
    READ, RW
}
