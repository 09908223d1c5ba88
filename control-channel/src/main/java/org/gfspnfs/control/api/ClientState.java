package org.gfspnfs.control.api;

/** An NFSv4.1 client record's state (RFC 8881 section 18.35/18.36: EXCHANGE_ID, CREATE_SESSION, lease expiry). */
public enum ClientState {
    UNCONFIRMED, CONFIRMED, COURTESY, EXPIRED
}
