package org.gfspnfs.node.daemon;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import org.gfspnfs.control.api.ControlException;
import org.gfspnfs.control.api.Revocation;
import org.gfspnfs.control.api.StateAccess;
import org.gfspnfs.control.api.StateidQuery;
import org.gfspnfs.control.api.StateidVerdict;
import org.gfspnfs.control.client.StateidVerdictCache;
import org.gfspnfs.control.spi.RevocationListener;
import org.gfspnfs.control.spi.StateidAuthority;
import org.gfspnfs.mds.layout.DataServerStateCheck;
import org.gfspnfs.mds.layout.LayoutRevocations;
import org.gfspnfs.nfs41.compound.FileHandle;
import org.gfspnfs.nfs41.state.StateChangeListener;
import org.gfspnfs.nfs41.state.StateId;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.vfs.Inode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MDS's answer to "is this stateid valid for I/O on this file?" (RFC 8881 section 13.9.1: the MDS and its
 * storage devices must agree on stateid validity), in the control channel's terms.
 *
 * <p>Data servers in other processes ask over VALIDATE_STATEID and may cache a VALID answer for the lease time
 * ({@code cacheFor}), so a stream of READs and WRITEs costs one round trip to the MDS node per stateid and file, not
 * one per I/O. The MDS remembers each lease it gave ({@link VerdictLeases}) and takes it back with REVOKE_STATE to
 * every data-server node as soon as the state behind it shrinks: the state manager and the layout table report every
 * close, downgrade, freed stateid, returned or forgotten layout and released client ({@link StateChangeListener}),
 * and a lease whose verdict is no longer VALID on re-check is revoked (on the re-check thread, moments later). A
 * recall that timed out and a client that is gone ({@link LayoutRevocations}: expiry, eviction) revoke the leases
 * concerned before the revocation counts as done, so an evicted client's next I/O to any data server is refused.
 * Refusals are never cacheable. A data server that cannot be told keeps a lease until it expires; the leases are
 * short so that this bounds how long such a node can honour a stateid (a node cut off from the cluster is fenced
 * anyway).
 *
 * <p>The data servers of this process ask {@link #inProcess()} instead: the layout table is right there, so their
 * verdicts are checked on every I/O and never cached.
 */
final class MdsStateidAuthority implements StateidAuthority, StateChangeListener, LayoutRevocations {
    private static final Logger LOG = LoggerFactory.getLogger(MdsStateidAuthority.class);

    /** How long a data server may reuse a VALID verdict without asking again. */
    static final Duration DEFAULT_LEASE = Duration.ofSeconds(10);
    /** Leases the MDS tracks (the data servers' verdict caches hold as many). */
    static final int DEFAULT_CAPACITY = 4096;
    /**
     * Kept beyond the lease on the MDS side: the data server starts its lease when the answer arrives, a little
     * after the MDS granted it, and must still be told of a revocation in that gap.
     */
    private static final Duration MARGIN = Duration.ofSeconds(2);

    /** The MDS's check of one stateid ({@code DataServerStateCheck::check} in production). */
    @FunctionalInterface
    interface StateCheck {
        DataServerStateCheck.Verdict check(byte[] mdsFileHandle, StateId stateid, boolean write);
    }

    private record Change(long clientId, Inode file) {
    }

    private final Clock clock;
    private final Duration lease;
    private final RevocationListener dataServers;
    private final Executor rechecks;
    private final VerdictLeases leases;
    /** Validations under way; with {@link #leaseCount} 0 too, a state change cannot concern any lease. */
    private final AtomicInteger validating = new AtomicInteger();
    /** {@code leases.size()}, readable without the lock (written under it). */
    private volatile int leaseCount;
    private final Queue<Change> changes = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean recheckQueued = new AtomicBoolean();
    private final AtomicLong revokedLeases = new AtomicLong();
    private volatile StateCheck stateCheck;

    /**
     * @param lease       how long a data server may cache a VALID verdict; zero: never
     * @param dataServers delivers REVOKE_STATE to the data-server nodes (synchronously, each call bounded)
     * @param rechecks    runs the re-checks after state changes and their revocations, one at a time
     */
    MdsStateidAuthority(Clock clock, Duration lease, int capacity, RevocationListener dataServers,
                        Executor rechecks) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lease = Objects.requireNonNull(lease, "lease");
        this.dataServers = Objects.requireNonNull(dataServers, "dataServers");
        this.rechecks = Objects.requireNonNull(rechecks, "rechecks");
        this.leases = new VerdictLeases(capacity);
    }

    /** Connects the MDS's state check (built once the NFS server, and so its state manager, exists). */
    void attach(StateCheck stateCheck) {
        this.stateCheck = Objects.requireNonNull(stateCheck, "stateCheck");
    }

    /** VALIDATE_STATEID from a data server in another process: a VALID verdict comes with a lease. */
    @Override
    public StateidVerdict validate(StateidQuery q) {
        byte[] raw = q.stateid();
        byte[] fh = q.fileHandle();
        Inode file = fileOf(fh);
        // Counted before the check: a change made after the check sees this validation (or its lease) and queues
        // a re-check; a change made before it is seen by the check itself.
        validating.incrementAndGet();
        try {
            synchronized (this) {
                DataServerStateCheck.Verdict v = check(q);
                boolean leased = false;
                if (v.valid() && file != null && !lease.isZero()) {
                    Instant now = clock.instant();
                    leased = leases.grant(new VerdictLeases.Lease(raw, v.clientId(), file, q.access(), fh,
                            now.plus(lease).plus(MARGIN)), now);
                    leaseCount = leases.size();
                }
                return new StateidVerdict(toVerdict(v.result()), leased ? lease : Duration.ZERO, v.clientId());
            }
        } finally {
            validating.decrementAndGet();
        }
    }

    /** For the data servers of this process: checked on every call, never cached. */
    StateidVerdictCache.Authority inProcess() {
        return q -> {
            DataServerStateCheck.Verdict v = check(q);
            return new StateidVerdict(toVerdict(v.result()), Duration.ZERO, v.clientId());
        };
    }

    /** Called under the state manager's or the layout table's lock: only queues the change. */
    @Override
    public void shrunk(long clientId, Inode file) {
        if (validating.get() == 0 && leaseCount == 0) {
            return;
        }
        changes.add(new Change(clientId, file));
        if (recheckQueued.compareAndSet(false, true)) {
            try {
                rechecks.execute(this::recheck);
            } catch (RejectedExecutionException e) {
                recheckQueued.set(false); // shutting down: the data servers' leases run out on their own
            }
        }
    }

    /** A recall timed out and the layout was revoked: the client's leases of the file go before this returns. */
    @Override
    public void revoked(long clientId, Inode inode, byte[] fileHandle) {
        send(take(l -> l.clientId() == clientId && l.file().equals(inode)),
                "layout of client " + Long.toHexString(clientId) + " revoked");
    }

    /** The client is gone (lease expiry, eviction): all its leases go before this returns. */
    @Override
    public void clientGone(long clientId) {
        send(take(l -> l.clientId() == clientId), "client " + Long.toHexString(clientId) + " gone");
    }

    /** Leases the data servers were told to drop since start. */
    long revokedLeases() {
        return revokedLeases.get();
    }

    /** Leases tracked now (expired ones until the next sweep). */
    synchronized int leases() {
        return leases.size();
    }

    private void recheck() {
        recheckQueued.set(false);
        Set<Change> batch = new HashSet<>();
        for (Change c; (c = changes.poll()) != null; ) {
            batch.add(c);
        }
        if (batch.isEmpty()) {
            return;
        }
        StateCheck c = checker();
        send(take(l -> batch.contains(new Change(l.clientId(), l.file()))
                && !c.check(l.fileHandle(), stateidOf(l.stateid()), l.access() == StateAccess.WRITE)
                        .valid()), "state changed");
    }

    /** Removes the unexpired leases {@code which} selects (expired ones are dropped on the way). */
    private synchronized List<VerdictLeases.Lease> take(Predicate<VerdictLeases.Lease> which) {
        List<VerdictLeases.Lease> taken = leases.take(which, clock.instant());
        leaseCount = leases.size();
        return taken;
    }

    private void send(List<VerdictLeases.Lease> taken, String why) {
        if (taken.isEmpty()) {
            return;
        }
        revokedLeases.addAndGet(taken.size());
        List<byte[]> stateids = taken.stream().map(VerdictLeases.Lease::stateid).toList();
        try {
            dataServers.revoked(Revocation.stateids(stateids));
            LOG.debug("revoked {} verdict lease(s) on the data servers: {}", taken.size(), why);
        } catch (ControlException | RuntimeException e) {
            LOG.warn("could not revoke {} verdict lease(s) on every data server ({}): {}; they expire within {}",
                    taken.size(), why, e.getMessage(), lease);
        }
    }

    private DataServerStateCheck.Verdict check(StateidQuery q) {
        return checker().check(q.fileHandle(), stateidOf(q.stateid()), q.access() == StateAccess.WRITE);
    }

    private StateCheck checker() {
        StateCheck c = stateCheck;
        if (c == null) {
            throw new IllegalStateException("no state check attached yet");
        }
        return c;
    }

    private static StateId stateidOf(byte[] raw) {
        ByteBuffer b = ByteBuffer.wrap(raw);
        int seqid = b.getInt();
        byte[] other = new byte[12];
        b.get(other);
        return StateId.of(seqid, other);
    }

    private static Inode fileOf(byte[] fileHandle) {
        try {
            return FileHandle.fromBytes(fileHandle).inode();
        } catch (NfsException e) {
            return null;
        }
    }

    static StateidVerdict.Verdict toVerdict(DataServerStateCheck.Result r) {
        return switch (r) {
            case VALID -> StateidVerdict.Verdict.VALID;
            case BAD_STATEID -> StateidVerdict.Verdict.BAD_STATEID;
            case EXPIRED -> StateidVerdict.Verdict.EXPIRED;
            case ADMIN_REVOKED -> StateidVerdict.Verdict.ADMIN_REVOKED;
            // A WRITE under a read-only open or layout: the data server answers NFS4ERR_ACCESS.
            case OPEN_MODE -> StateidVerdict.Verdict.ACCESS_DENIED;
        };
    }
}
