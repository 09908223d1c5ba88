package org.gfspnfs.nfs41.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.gfspnfs.nfs41.status.BadStateidException;
import org.gfspnfs.nfs41.status.DelegRevokedException;
import org.gfspnfs.nfs41.status.InvalException;
import org.gfspnfs.nfs41.status.LocksHeldException;
import org.gfspnfs.nfs41.status.LockedException;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.status.NfsStat;
import org.gfspnfs.nfs41.status.OldStateidException;
import org.gfspnfs.nfs41.status.OpenModeException;
import org.gfspnfs.nfs41.status.ShareDeniedException;
import org.gfspnfs.nfs41.status.StaleStateidException;
import org.gfspnfs.nfs41.vfs.Inode;

/**
 * Open and lock state of all clients (RFC 8881 chapter 9): share reservations, byte-range locks and the stateids
 * that name them, with the seqid rules of section 8.2.2. One monitor guards everything; operations on state are
 * short and never call the filesystem while holding it.
 */
public final class StateManager {
    private final int epoch;
    private long nextNumber = 1;
    private final Map<Long, State> states = new HashMap<>();
    private final Map<Inode, FileState> files = new HashMap<>();
    private final Map<Long, Set<State>> byClient = new HashMap<>();
    /** Delegations held on files (written under the lock, read without it by the per-request fast paths). */
    private volatile int delegationsHeld;
    /** Whether any delegation was ever revoked: until then SEQUENCE need not look for revoked state. */
    private volatile boolean everRevoked;

    private final OpenObserver observer;
    private final List<StateChangeListener> changeListeners = new CopyOnWriteArrayList<>();

    public StateManager(int epoch) {
        this(epoch, file -> { });
    }

    public StateManager(int epoch, OpenObserver observer) {
        this.epoch = epoch;
        this.observer = observer;
    }

    /** Adds a listener told whenever a client's state on a file ends or loses access (see the interface). */
    public void addChangeListener(StateChangeListener listener) {
        changeListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    private static final class FileState {
        final List<OpenState> opens = new ArrayList<>();
        final Map<OwnerKey, LockState> lockStates = new HashMap<>();
        final ByteRangeLocks locks = new ByteRangeLocks();
        final List<DelegationState> delegations = new ArrayList<>();

        boolean unused() {
            return opens.isEmpty() && lockStates.isEmpty() && locks.isEmpty() && delegations.isEmpty();
        }
    }

    /** OPEN: a new open, or an upgrade of the owner's existing open of the file (RFC 8881 section 9.11). */
    public synchronized OpenState open(OwnerKey owner, Inode inode, int access, int deny) throws NfsException {
        if (access < 1 || access > 3 || deny < 0 || deny > 3) {
            throw new InvalException("share access " + access + " deny " + deny);
        }
        FileState f = files.computeIfAbsent(inode, i -> new FileState());
        for (OpenState o : f.opens) {
            if (!o.owner().equals(owner) && ((o.deny() & access) != 0 || (o.access() & deny) != 0)) {
                throw new ShareDeniedException("share reservation conflict");
            }
        }
        for (OpenState o : f.opens) {
            if (o.owner().equals(owner)) {
                o.set(o.access() | access, o.deny() | deny);
                o.bump();
                return o;
            }
        }
        OpenState o = new OpenState(newId(), owner, inode, access, deny);
        f.opens.add(o);
        register(o);
        return o;
    }

    /** Removes a just-created open whose file refused it, without telling the observer (nothing was opened). */
    public synchronized void abandon(long clientId, StateId sid) {
        State s = states.get(sid.number());
        if (s instanceof OpenState o && o.clientId() == clientId) {
            FileState f = files.get(o.inode());
            f.opens.remove(o);
            unregister(o);
            cleanup(o.inode(), f);
        }
    }

    /** OPEN_DOWNGRADE: the new bits must be a non-empty subset of what the open holds (RFC 8881 18.18.3). */
    public synchronized OpenState downgrade(long clientId, StateId sid, int access, int deny) throws NfsException {
        OpenState o = open(clientId, sid);
        if (access < 1 || (access & ~o.access()) != 0 || (deny & ~o.deny()) != 0) {
            throw new InvalException("downgrade is not a subset");
        }
        o.set(access, deny);
        o.bump();
        shrunk(o);
        return o;
    }

    /** CLOSE: ends the open and the lock states under it; LOCKS_HELD while any lock is still held. */
    public void close(long clientId, StateId sid) throws NfsException {
        observer.closed(closeLocked(clientId, sid));
    }

    private synchronized Inode closeLocked(long clientId, StateId sid) throws NfsException {
        OpenState o = open(clientId, sid);
        FileState f = files.get(o.inode());
        for (LockState l : o.locks) {
            if (f.locks.holds(l.owner())) {
                throw new LocksHeldException("locks still held by " + l.owner());
            }
        }
        for (LockState l : List.copyOf(o.locks)) {
            dropLockState(l, f);
        }
        f.opens.remove(o);
        unregister(o);
        cleanup(o.inode(), f);
        return o.inode();
    }

    /**
     * LOCK: with a new lock-owner the stateid names the open; otherwise it names the owner's lock state. Returns
     * the lock state, whose seqid has advanced. Throws LockConflictException on a conflict.
     */
    public synchronized LockState lock(long clientId, StateId sid, OwnerKey newOwner, boolean write, long start,
                                       long end) throws NfsException {
        LockState ls;
        if (newOwner != null) {
            OpenState o = open(clientId, sid);
            FileState f = files.get(o.inode());
            ls = f.lockStates.get(newOwner);
            if (ls == null) {
                ls = new LockState(newId(), newOwner, o.inode(), o);
                f.lockStates.put(newOwner, ls);
                o.locks.add(ls);
                register(ls);
                ls.bump();
                ls = lockRange(ls, f, write, start, end, true);
                return ls;
            }
        } else {
            ls = typed(resolve(clientId, sid), LockState.class);
        }
        if (write && (ls.open().access() & OpenState.ACCESS_WRITE) == 0) {
            throw new OpenModeException("write lock on a read-only open");
        }
        return lockRange(ls, files.get(ls.inode()), write, start, end, false);
    }

    private LockState lockRange(LockState ls, FileState f, boolean write, long start, long end, boolean fresh)
            throws NfsException {
        LockRange c = f.locks.conflict(ls.owner(), write, start, end);
        if (c != null) {
            if (fresh) {
                dropLockState(ls, f);
            }
            throw new LockConflictException(c);
        }
        f.locks.lock(ls.owner(), write, start, end);
        if (!fresh) {
            ls.bump();
        }
        return ls;
    }

    /** LOCKT: the conflicting lock, or null. */
    public synchronized LockRange test(OwnerKey owner, Inode inode, boolean write, long start, long end) {
        FileState f = files.get(inode);
        return f == null ? null : f.locks.conflict(owner, write, start, end);
    }

    /** LOCKU. */
    public synchronized LockState unlock(long clientId, StateId sid, long start, long end) throws NfsException {
        LockState ls = typed(resolve(clientId, sid), LockState.class);
        files.get(ls.inode()).locks.unlock(ls.owner(), start, end);
        ls.bump();
        return ls;
    }

    /** The state a stateid names for this client, checking epoch, ownership and seqid (RFC 8881 8.2.2). */
    public synchronized State resolve(long clientId, StateId sid) throws NfsException {
        if (sid.epoch() != epoch) {
            throw new StaleStateidException("stateid from another server instance");
        }
        State s = states.get(sid.number());
        if (s == null || s.clientId() != clientId) {
            throw new BadStateidException("unknown stateid");
        }
        if (s instanceof DelegationState d && d.revoked()) {
            throw new DelegRevokedException("delegation was revoked");
        }
        if (sid.seqid() != 0) {
            if (Integer.compareUnsigned(sid.seqid(), s.seqid()) < 0) {
                throw new OldStateidException("seqid " + sid.seqid() + " < " + s.seqid());
            }
            if (sid.seqid() != s.seqid()) {
                throw new BadStateidException("seqid from the future");
            }
        }
        return s;
    }

    /** TEST_STATEID for one stateid: the status FREE_STATEID/IO would see. */
    public int testStatus(long clientId, StateId sid) {
        try {
            resolve(clientId, sid);
            return NfsStat.NFS4_OK;
        } catch (NfsException e) {
            return e.status();
        }
    }

    /** FREE_STATEID: only a lock state without locks can be freed; an open must be closed. */
    public synchronized void free(long clientId, StateId sid) throws NfsException {
        State known = sid.epoch() == epoch ? states.get(sid.number()) : null;
        if (known instanceof DelegationState d && d.revoked() && d.clientId() == clientId) {
            unregister(d);
            return;
        }
        State s = resolve(clientId, sid.withSeqid(0));
        if (!(s instanceof LockState ls)) {
            throw new LocksHeldException("an open stateid is freed by CLOSE");
        }
        FileState f = files.get(ls.inode());
        if (f.locks.holds(ls.owner())) {
            throw new LocksHeldException("locks held");
        }
        dropLockState(ls, f);
        cleanup(ls.inode(), f);
    }

    /**
     * The open behind a READ/WRITE stateid, after checking it covers the file and the access. The special
     * stateids pass unless another open denies the access; they return null.
     */
    public synchronized OpenState checkIo(long clientId, StateId sid, Inode inode, boolean write)
            throws NfsException {
        if (sid.isSpecial()) {
            FileState f = files.get(inode);
            int needed = write ? OpenState.ACCESS_WRITE : OpenState.ACCESS_READ;
            if (f != null && sid.epoch() == 0 && f.opens.stream().anyMatch(o -> (o.deny() & needed) != 0)) {
                throw new LockedException("denied by a share reservation");
            }
            return null;
        }
        State s = resolve(clientId, sid.withSeqid(0));
        if (s instanceof DelegationState d) {
            if (!d.inode().equals(inode)) {
                throw new BadStateidException("delegation is for another file");
            }
            if (write && !d.write()) {
                throw new OpenModeException("a read delegation does not allow writing");
            }
            return null;
        }
        OpenState o = s instanceof LockState ls ? ls.open() : s instanceof OpenState os ? os : null;
        if (o == null || !o.inode().equals(inode)) {
            throw new BadStateidException("stateid is for another file");
        }
        if (write && (o.access() & OpenState.ACCESS_WRITE) == 0) {
            throw new OpenModeException("file not open for write");
        }
        return o;
    }

    /** Releases everything a client held (expiry, destruction, reboot of the client). */
    public void releaseClient(long clientId) {
        for (Inode closed : releaseLocked(clientId)) {
            observer.closed(closed);
        }
    }

    private synchronized List<Inode> releaseLocked(long clientId) {
        List<Inode> closed = new ArrayList<>();
        Set<State> owned = byClient.remove(clientId);
        if (owned == null) {
            return closed;
        }
        for (State s : owned) {
            states.remove(s.number());
            FileState f = files.get(s.inode());
            if (f == null) {
                continue;
            }
            if (s instanceof OpenState o) {
                f.opens.remove(o);
                closed.add(o.inode());
            } else if (s instanceof LockState l) {
                f.locks.removeOwner(l.owner());
                f.lockStates.remove(l.owner());
            } else if (s instanceof DelegationState d && f.delegations.remove(d)) {
                delegationsHeld--;
            }
            shrunk(s);
            cleanup(s.inode(), f);
        }
        return closed;
    }

    // ---- delegations (RFC 8881 section 10.4) -------------------------------------------------------------------

    /**
     * A read delegation of {@code inode} to the client, or null when one cannot be given: another client has the
     * file open for writing or holds a write delegation of it, a delegation of the file is being recalled, or the
     * client already holds one.
     */
    public synchronized DelegationState grantRead(long clientId, Inode inode, byte[] fileHandle) {
        FileState f = files.computeIfAbsent(inode, i -> new FileState());
        boolean otherWriter = f.opens.stream()
                .anyMatch(o -> o.clientId() != clientId && (o.access() & OpenState.ACCESS_WRITE) != 0);
        boolean recalling = f.delegations.stream().anyMatch(d -> d.recallSentMillis() != 0);
        boolean held = f.delegations.stream().anyMatch(d -> d.clientId() == clientId || d.write());
        if (otherWriter || recalling || held) {
            cleanup(inode, f);
            return null;
        }
        return addDelegation(f, clientId, inode, fileHandle, false);
    }

    /**
     * A write delegation of {@code inode} to the client, or null when one cannot be given: another client has the
     * file open, or any client holds a delegation of it (this one's own read delegation included: it is not
     * upgraded in place).
     */
    public synchronized DelegationState grantWrite(long clientId, Inode inode, byte[] fileHandle) {
        FileState f = files.computeIfAbsent(inode, i -> new FileState());
        boolean otherOpen = f.opens.stream().anyMatch(o -> o.clientId() != clientId);
        if (otherOpen || !f.delegations.isEmpty()) {
            cleanup(inode, f);
            return null;
        }
        return addDelegation(f, clientId, inode, fileHandle, true);
    }

    private DelegationState addDelegation(FileState f, long clientId, Inode inode, byte[] fileHandle,
                                          boolean write) {
        DelegationState d = new DelegationState(newId(), new OwnerKey(clientId, ""), inode, fileHandle, write);
        f.delegations.add(d);
        delegationsHeld++;
        register(d);
        return d;
    }

    /**
     * Delegations of {@code inode} held by clients other than {@code clientId}: all of them, or with
     * {@code writeOnly} only write delegations (what a reader conflicts with).
     */
    public List<DelegationState> delegationsOfOthers(long clientId, Inode inode, boolean writeOnly) {
        if (delegationsHeld == 0) {
            return List.of();
        }
        synchronized (this) {
            FileState f = files.get(inode);
            if (f == null || f.delegations.isEmpty()) {
                return List.of();
            }
            return f.delegations.stream().filter(d -> d.clientId() != clientId && (d.write() || !writeOnly))
                    .toList();
        }
    }

    /** Records that a recall was sent; false if it had been sent already. */
    public synchronized boolean markRecalled(DelegationState d, long nowMillis) {
        if (d.recallSentMillis() != 0) {
            return false;
        }
        d.recallSent(nowMillis);
        return true;
    }

    /** Whether a recall sent at some time has been outstanding for longer than {@code limitMillis}. */
    public synchronized boolean recallOverdue(DelegationState d, long nowMillis, long limitMillis) {
        return d.recallSentMillis() != 0 && nowMillis - d.recallSentMillis() > limitMillis;
    }

    /**
     * Takes a delegation away (the client did not return it in time, or cannot be reached). The stateid stays
     * known as revoked (RFC 8881 section 8.2.2: DELEG_REVOKED, SEQ4_STATUS_RECALLABLE_STATE_REVOKED) until the
     * client frees it.
     */
    public synchronized void revoke(DelegationState d) {
        FileState f = files.get(d.inode());
        if (f != null && f.delegations.remove(d)) {
            delegationsHeld--;
            everRevoked = true;
            d.markRevoked();
            shrunk(d);
            cleanup(d.inode(), f);
        }
    }

    /** Whether the client holds revoked delegations it has not freed yet. */
    public boolean hasRevoked(long clientId) {
        if (!everRevoked) {
            return false;
        }
        synchronized (this) {
            Set<State> owned = byClient.get(clientId);
            return owned != null && owned.stream().anyMatch(s -> s instanceof DelegationState d && d.revoked());
        }
    }

    /** Whether any client holds a delegation now (lets a conflicting operation skip looking for one). */
    public boolean anyDelegations() {
        return delegationsHeld > 0;
    }

    private void forget(DelegationState d) {
        FileState f = files.get(d.inode());
        if (f != null) {
            if (f.delegations.remove(d)) {
                delegationsHeld--;
            }
            cleanup(d.inode(), f);
        }
        unregister(d);
    }

    /** DELEGRETURN. */
    public synchronized void returnDelegation(long clientId, StateId sid) throws NfsException {
        State s = resolve(clientId, sid.withSeqid(0));
        if (!(s instanceof DelegationState d)) {
            throw new BadStateidException("not a delegation stateid");
        }
        forget(d);
    }

    /** How many states (open, lock, delegation) a client holds. */
    /** A snapshot of every open state (for the control channel's {@code opens}), in stateid order. */
    public synchronized List<OpenState> opens() {
        List<OpenState> out = new ArrayList<>();
        for (State s : states.values()) {
            if (s instanceof OpenState o) {
                out.add(o);
            }
        }
        out.sort(java.util.Comparator.comparingLong(o -> o.stateId().number()));
        return out;
    }

    /** A snapshot of every delegation not revoked (for the control channel's {@code delegations}), in stateid order. */
    public synchronized List<DelegationState> delegations() {
        List<DelegationState> out = new ArrayList<>();
        for (FileState f : files.values()) {
            out.addAll(f.delegations);
        }
        out.sort(java.util.Comparator.comparingLong(d -> d.stateId().number()));
        return out;
    }

    public synchronized int stateCount(long clientId) {
        Set<State> s = byClient.get(clientId);
        return s == null ? 0 : s.size();
    }

    public synchronized int totalStates() {
        return states.size();
    }

    private OpenState open(long clientId, StateId sid) throws NfsException {
        return typed(resolve(clientId, sid), OpenState.class);
    }

    private static <T extends State> T typed(State s, Class<T> type) throws NfsException {
        if (!type.isInstance(s)) {
            throw new BadStateidException("not a " + type.getSimpleName() + " stateid");
        }
        return type.cast(s);
    }

    private StateId newId() {
        return new StateId(epoch, nextNumber++, 1);
    }

    private void register(State s) {
        states.put(s.number(), s);
        byClient.computeIfAbsent(s.clientId(), c -> new HashSet<>()).add(s);
    }

    private void unregister(State s) {
        states.remove(s.number());
        shrunk(s);
        Set<State> owned = byClient.get(s.clientId());
        if (owned != null) {
            owned.remove(s);
            if (owned.isEmpty()) {
                byClient.remove(s.clientId());
            }
        }
    }

    private void shrunk(State s) {
        for (StateChangeListener l : changeListeners) {
            l.shrunk(s.clientId(), s.inode());
        }
    }

    private void dropLockState(LockState l, FileState f) {
        f.locks.removeOwner(l.owner());
        f.lockStates.remove(l.owner());
        l.open().locks.remove(l);
        unregister(l);
    }

    private void cleanup(Inode inode, FileState f) {
        if (f.unused()) {
            files.remove(inode);
        }
    }
}
