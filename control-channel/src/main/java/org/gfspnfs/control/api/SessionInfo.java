package org.gfspnfs.control.api;

import java.time.Instant;

/** One NFSv4.1 session (RFC 8881 section 2.10): id (hex), client, fore channel slots, backchannel, creation. */
public record SessionInfo(String sessionId, long clientId, int foreSlots, boolean backchannel, Instant created) {
}
