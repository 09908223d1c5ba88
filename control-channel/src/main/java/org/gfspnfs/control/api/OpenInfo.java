package org.gfspnfs.control.api;

/** One open state (RFC 8881 section 9.1.4): stateid (hex), client, file, share access and deny. */
public record OpenInfo(String stateid, long clientId, String file, ShareAccess access, ShareDeny deny) {
}
