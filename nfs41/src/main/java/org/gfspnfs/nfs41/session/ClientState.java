package org.gfspnfs.nfs41.session;

import java.util.EnumSet;
import java.util.Set;

/**
 * Life of a client record (RFC 8881 section 18.35.5 and 18.36.4): EXCHANGE_ID creates it UNCONFIRMED, the first
 * CREATE_SESSION confirms it, lease expiry or DESTROY_CLIENTID ends it. A record that ended never comes back.
 */
public enum ClientState {
    UNCONFIRMED, CONFIRMED, EXPIRED, DESTROYED;

    private Set<ClientState> successors() {
        return switch (this) {
            case UNCONFIRMED -> EnumSet.of(CONFIRMED, EXPIRED, DESTROYED);
            case CONFIRMED -> EnumSet.of(EXPIRED, DESTROYED);
            case EXPIRED, DESTROYED -> EnumSet.noneOf(ClientState.class);
        };
    }

    /** Throws IllegalStateException if {@code next} does not follow this state. */
    public void validate(ClientState next) {
        if (!successors().contains(next)) {
            throw new IllegalStateException("client state " + this + " -> " + next);
        }
    }
}
