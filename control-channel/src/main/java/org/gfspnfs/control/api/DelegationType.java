package org.gfspnfs.control.api;

/** open_delegation_type4 of a granted delegation (RFC 8881 section 10.4): OPEN_DELEGATE_READ or _WRITE. */
public enum DelegationType {
    READ,
    WRITE
}
