package org.gfspnfs.control.api;

/**
 * One delegation (RFC 8881 section 10.4): stateid (hex), the client holding it, the file, read or write, and
 * whether the MDS has recalled it (CB_RECALL sent; another client's conflicting request is answered NFS4ERR_DELAY
 * until the holder returns it, or the MDS revokes it a lease after the recall).
 */
public record DelegationInfo(String stateid, long clientId, String file, DelegationType type, boolean recalling) {
}
