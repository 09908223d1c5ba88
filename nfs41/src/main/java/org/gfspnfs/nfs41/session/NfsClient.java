package org.gfspnfs.nfs41.session;

import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client record (RFC 8881 section 2.4): the client id the server gave to one client owner and verifier
 * instance, its lease, its sessions and where it is in its life. Guarded by the {@link ClientRegistry}'s lock
 * except the lease timestamp and in-flight counter, which request threads update directly.
 */
public final class NfsClient {
    private final long id;
    private final byte[] ownerId;
    private final byte[] verifier;
    private final String principal;
    private final Set<Session> sessions = new CopyOnWriteArraySet<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Object createSessionLock = new Object();
    private volatile long lastRenewMillis;
    private ClientState state = ClientState.UNCONFIRMED;
    private boolean everConfirmed;
    private int createSessionSeq;
    private Object createSessionReply;
    private volatile boolean reclaimComplete;
    private final int exchangeFlags;

    NfsClient(long id, byte[] ownerId, byte[] verifier, String principal, int sequence, int exchangeFlags,
              long nowMillis) {
        this.id = id;
        this.ownerId = ownerId.clone();
        this.verifier = verifier.clone();
        this.principal = principal;
        this.createSessionSeq = sequence;
        this.exchangeFlags = exchangeFlags;
        this.lastRenewMillis = nowMillis;
    }

    public long id() {
        return id;
    }

    /** The client owner name as a stable key (hex), used for the recovery store. */
    public String ownerKey() {
        return HexFormat.of().formatHex(ownerId);
    }

    byte[] ownerId() {
        return ownerId;
    }

    byte[] verifier() {
        return verifier;
    }

    public String principal() {
        return principal;
    }

    public int exchangeFlags() {
        return exchangeFlags;
    }

    public synchronized ClientState state() {
        return state;
    }

    synchronized void moveTo(ClientState next) {
        state.validate(next);
        state = next;
        if (next == ClientState.CONFIRMED) {
            everConfirmed = true;
        }
    }

    /** Whether this record was ever confirmed, i.e. could have held state. */
    public synchronized boolean everConfirmed() {
        return everConfirmed;
    }

    public void renew(long nowMillis) {
        lastRenewMillis = nowMillis;
    }

    public long lastRenewMillis() {
        return lastRenewMillis;
    }

    /** Marks a compound using this client's state as running; the reaper never expires a busy client. */
    public void enter() {
        inFlight.incrementAndGet();
    }

    public void leave() {
        inFlight.decrementAndGet();
    }

    boolean busy() {
        return inFlight.get() > 0;
    }

    public Set<Session> sessions() {
        return sessions;
    }

    /**
     * Serialises CREATE_SESSIONs of this client (sequence check, confirmation, reply cache). A separate lock
     * from this object's monitor, which the registry takes while holding its own lock.
     */
    public Object createSessionLock() {
        return createSessionLock;
    }

    public synchronized int createSessionSeq() {
        return createSessionSeq;
    }

    public synchronized Object createSessionReply() {
        return createSessionReply;
    }

    public synchronized void createSessionDone(int seq, Object reply) {
        createSessionSeq = seq + 1;
        createSessionReply = reply;
    }

    public boolean reclaimComplete() {
        return reclaimComplete;
    }

    public void markReclaimComplete() {
        reclaimComplete = true;
    }

    @Override
    public String toString() {
        return "client " + Long.toHexString(id);
    }
}
