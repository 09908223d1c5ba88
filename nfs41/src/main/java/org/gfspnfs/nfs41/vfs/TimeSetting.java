package org.gfspnfs.nfs41.vfs;

import java.time.Instant;

/** A time to set: the server's current time or a client-given time (RFC 8881 section 5.8.2, settime4). */
public record TimeSetting(boolean serverTime, Instant time) {
    public static final TimeSetting SERVER_TIME = new TimeSetting(true, null);

    public static TimeSetting of(Instant time) {
        return new TimeSetting(false, time);
    }
}
