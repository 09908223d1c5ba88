package org.gfspnfs.control.auth;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Remembers the nonces of accepted calls for as long as their timestamp is inside the acceptance window, so each
 * signed call is accepted at most once. Only authenticated calls are recorded, so its size is bounded by what key
 * holders send; past {@code capacity} it refuses new calls rather than forget live nonces.
 */
final class ReplayGuard {
    private record Seen(ByteBuffer nonce, long expiresAtMillis) {
    }

    private final Duration retention;
    private final int capacity;
    private final Set<ByteBuffer> live = new HashSet<>();
    private final Deque<Seen> byExpiry = new ArrayDeque<>();

    ReplayGuard(Duration retention, int capacity) {
        this.retention = retention;
        this.capacity = capacity;
    }

    /** Records the nonce; false if it was already used (a replay) or the guard is full. */
    synchronized boolean firstUse(byte[] nonce, long nowMillis) {
        expire(nowMillis);
        if (live.size() >= capacity) {
            return false;
        }
        ByteBuffer key = ByteBuffer.wrap(nonce.clone());
        if (!live.add(key)) {
            return false;
        }
        // A call is acceptable while |now - timestamp| <= window, i.e. at most 2 x window after it first can arrive;
        // the caller sets retention to 2 x window so the nonce outlives every moment the call could be accepted.
        byExpiry.addLast(new Seen(key, nowMillis + retention.toMillis()));
        return true;
    }

    synchronized int size() {
        return live.size();
    }

    private void expire(long nowMillis) {
        while (!byExpiry.isEmpty() && byExpiry.peekFirst().expiresAtMillis() <= nowMillis) {
            live.remove(byExpiry.removeFirst().nonce());
        }
    }
}
