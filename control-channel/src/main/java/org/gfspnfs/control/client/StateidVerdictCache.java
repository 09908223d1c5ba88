package org.gfspnfs.control.client;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.gfspnfs.control.api.ControlException;
import org.gfspnfs.control.api.Revocation;
import org.gfspnfs.control.api.StateAccess;
import org.gfspnfs.control.api.StateidQuery;
import org.gfspnfs.control.api.StateidVerdict;
import org.gfspnfs.control.spi.RevocationListener;

/**
 * The data server's side of stateid validation (RFC 8881 section 13.9.1): asks the MDS over the control channel and
 * caches each answer for the {@code cacheFor} the MDS gave it. As the DS's {@link RevocationListener} (REVOKE_STATE),
 * it drops the answers a revocation covers. A revocation that arrives while a validation is in flight wins: the
 * in-flight answer is returned to its caller but not cached, so no revoked stateid is served from the cache.
 */
public final class StateidVerdictCache implements RevocationListener {
    /** Asks the MDS; {@code ControlClient::validateStateid} in production. */
    @FunctionalInterface
    public interface Authority {
        StateidVerdict validate(StateidQuery query) throws NodeCallException, ControlException;
    }

    private record Key(ByteBuffer stateid, ByteBuffer fileHandle, StateAccess access) {
    }

    private record Entry(StateidVerdict verdict, Instant expires) {
    }

    private final Authority mds;
    private final Clock clock;
    private final int capacity;
    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong revocations = new AtomicLong();

    public StateidVerdictCache(Authority mds, Clock clock, int capacity) {
        this.mds = Objects.requireNonNull(mds, "mds");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.capacity = capacity;
    }

    /** The cached answer while it is fresh, else the MDS's answer (cached when the MDS allows). */
    public StateidVerdict validate(StateidQuery query) throws NodeCallException, ControlException {
        Key key = new Key(ByteBuffer.wrap(query.stateid()), ByteBuffer.wrap(query.fileHandle()), query.access());
        Entry cached = entries.get(key);
        if (cached != null && clock.instant().isBefore(cached.expires())) {
            return cached.verdict();
        }
        long generation = revocations.get();
        StateidVerdict verdict = mds.validate(query);
        if (verdict.cacheFor().isZero() || verdict.cacheFor().isNegative()) {
            entries.remove(key);
        } else if (roomFor()) {
            entries.put(key, new Entry(verdict, clock.instant().plus(verdict.cacheFor())));
            if (revocations.get() != generation) {
                entries.remove(key); // a revocation ran meanwhile and may have covered this answer
            }
        }
        return verdict;
    }

    @Override
    public int revoked(Revocation revocation) {
        revocations.incrementAndGet();
        int dropped = 0;
        for (Iterator<Map.Entry<Key, Entry>> it = entries.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Key, Entry> e = it.next();
            if (covers(revocation, e.getKey(), e.getValue())) {
                it.remove();
                dropped++;
            }
        }
        return dropped;
    }

    /**
     * Drops every cached answer: the MDS that gave them is gone (its node left the cluster view; a restarted MDS
     * does not know the old stateids, and nobody would tell this cache). Returns how many were dropped.
     */
    public int clear() {
        revocations.incrementAndGet();
        int n = entries.size();
        entries.clear();
        return n;
    }

    /** Answers cached now (fresh or not yet purged). */
    public int size() {
        return entries.size();
    }

    private static boolean covers(Revocation r, Key key, Entry entry) {
        return switch (r.scope()) {
            case STATEIDS -> r.stateids().stream().anyMatch(s -> ByteBuffer.wrap(s).equals(key.stateid()));
            case CLIENT -> entry.verdict().clientId() == r.clientId();
            case FILE -> ByteBuffer.wrap(r.fileHandle()).equals(key.fileHandle());
        };
    }

    private boolean roomFor() {
        if (entries.size() < capacity) {
            return true;
        }
        Instant now = clock.instant();
        entries.values().removeIf(e -> !now.isBefore(e.expires()));
        return entries.size() < capacity;
    }
}
