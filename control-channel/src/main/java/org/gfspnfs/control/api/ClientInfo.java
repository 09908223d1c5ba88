package org.gfspnfs.control.api;

import java.time.Instant;

/** One NFSv4.1 client (RFC 8881 section 2.4): id, owner, address, state, lease expiry and what it holds. */
public record ClientInfo(long clientId, String owner, String address, ClientState state, Instant leaseExpires,
                         int sessions, int opens, int layouts) {
}
