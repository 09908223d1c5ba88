package org.gfspnfs.nfs41.pnfs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.gfspnfs.nfs41.state.StateChangeListener;
import org.gfspnfs.nfs41.state.StateId;
import org.gfspnfs.nfs41.status.AdminRevokedException;
import org.gfspnfs.nfs41.status.BadStateidException;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.status.OldStateidException;
import org.gfspnfs.nfs41.status.RecallConflictException;
import org.gfspnfs.nfs41.status.StaleStateidException;
import org.gfspnfs.nfs41.vfs.Inode;

/**
 * Layout stateids of an MDS (RFC 8881 section 12.5.3): one layout state per client and file, whose seqid advances
 * on every LAYOUTGET, LAYOUTRETURN and CB_LAYOUTRECALL, the ranges the client holds, and the state (granted,
 * recalling, revoked). Layout stateid numbers have bit 62 set so they never collide with the open/lock stateids of
 * the {@code StateManager} (same epoch). One monitor guards everything; nothing here blocks.
 */
public final class LayoutStateTable {
    private static final long LAYOUT_BIT = 1L << 62;

    private final Map<Key, Entry> byFile = new HashMap<>();
    private final Map<Long, Entry> byNumber = new HashMap<>();
    private long next = 1;
    private final List<StateChangeListener> changeListeners = new CopyOnWriteArrayList<>();

    private record Key(long clientId, Inode inode) {
    }

    private static final class Entry {
        final long clientId;
        final Inode inode;
        final byte[] fileHandle;
        final int layoutType;
        final StateId base;
        final List<LayoutRange> ranges = new ArrayList<>();
        int seqid;
        LayoutState state = LayoutState.GRANTED;

        Entry(long clientId, Inode inode, byte[] fileHandle, int layoutType, StateId base) {
            this.clientId = clientId;
            this.inode = inode;
            this.fileHandle = fileHandle.clone();
            this.layoutType = layoutType;
            this.base = base;
        }

        StateId current() {
            return base.withSeqid(seqid);
        }

        void bump() {
            seqid = seqid == -1 ? 1 : seqid + 1;
        }

        void move(LayoutState to) {
            if (!state.canMoveTo(to)) {
                throw new IllegalStateException("layout " + state + " -> " + to);
            }
            state = to;
        }
    }

    /** Adds a listener told whenever a client's layout of a file is returned (in part), revoked or dropped. */
    public void addChangeListener(StateChangeListener listener) {
        changeListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** A read-only view of one layout state, for recalls, tools and the data servers' stateid checks. */
    public record Holding(long clientId, Inode inode, byte[] fileHandle, StateId stateid, LayoutState state,
                          List<LayoutRange> ranges, int layoutType) {
    }

    /** Whether {@code sid} is shaped like a layout stateid of this table. */
    public static boolean isLayoutStateid(StateId sid) {
        return (sid.number() & LAYOUT_BIT) != 0 && !sid.isSpecial();
    }

    /**
     * LAYOUTGET: the layout stateid to use for a new grant. {@code presented} is the client's stateid: a layout
     * stateid must be this client's current one for the file (seqid 0 = current; older = OLD_STATEID); an
     * open/lock/delegation stateid (checked by the caller) is accepted when the client holds no layout yet, and
     * maps to the existing layout state otherwise. RECALLCONFLICT while a recall of the file is outstanding.
     */
    public synchronized void checkGet(long clientId, Inode inode, StateId presented) throws NfsException {
        Entry e = byFile.get(new Key(clientId, inode));
        if (isLayoutStateid(presented)) {
            Entry named = resolve(clientId, presented);
            if (!named.inode.equals(inode)) {
                throw new BadStateidException("layout stateid of another file");
            }
        }
        if (e != null && e.state == LayoutState.RECALLING) {
            throw new RecallConflictException("layout of this file is being recalled");
        }
    }

    /**
     * LAYOUTGET, before the provider builds the layout: the layout stateid the grant will use, with seqid 0 ("the
     * current one", RFC 8881 section 8.2.2), so a layout body may carry it (flexfiles, tightly coupled: the data
     * servers accept it whatever its seqid). Creates the state when the client holds none of the file; if the grant
     * does not follow, {@link #release} drops it again.
     */
    public synchronized StateId reserve(int epoch, long clientId, Inode inode, byte[] fileHandle, int layoutType) {
        return entry(epoch, clientId, inode, fileHandle, layoutType).base.withSeqid(0);
    }

    /** The provider refused the layout after {@link #reserve}: a state that was never granted goes. */
    public synchronized void release(long clientId, Inode inode) {
        Entry e = byFile.get(new Key(clientId, inode));
        if (e != null && e.seqid == 0 && e.ranges.isEmpty()) {
            drop(e);
        }
    }

    /** Records granted ranges and returns the new layout stateid (seqid 1 for a new state, else advanced). */
    public synchronized StateId grant(int epoch, long clientId, Inode inode, byte[] fileHandle,
                                      List<LayoutRange> granted) {
        return grant(epoch, clientId, inode, fileHandle, LayoutTypes.NFSV4_1_FILES, granted);
    }

    /** {@link #grant(int, long, Inode, byte[], List)} for a layout of the given type (kept for recalls). */
    public synchronized StateId grant(int epoch, long clientId, Inode inode, byte[] fileHandle, int layoutType,
                                      List<LayoutRange> granted) {
        Entry e = entry(epoch, clientId, inode, fileHandle, layoutType);
        e.ranges.addAll(granted);
        e.bump();
        return e.current();
    }

    /**
     * LAYOUTRETURN of a range of one file: the remaining layout stateid, or empty when the client holds nothing of
     * the file any more (the state is then freed). Returning what is not held is not an error (RFC 8881 18.44.3).
     */
    public synchronized Optional<StateId> returnRange(long clientId, Inode inode, StateId presented,
                                                      LayoutIoMode mode, long offset, long length)
            throws NfsException {
        Entry e = resolve(clientId, presented);
        if (!e.inode.equals(inode)) {
            throw new BadStateidException("layout stateid of another file");
        }
        long end = new LayoutRange(mode, offset, length).end();
        List<LayoutRange> left = new ArrayList<>();
        for (LayoutRange r : e.ranges) {
            left.addAll(r.minus(mode, offset, end));
        }
        e.ranges.clear();
        e.ranges.addAll(left);
        e.bump();
        if (left.isEmpty()) {
            drop(e);
            return Optional.empty();
        }
        if (e.state == LayoutState.RECALLING) {
            e.move(LayoutState.GRANTED);
        }
        shrunk(e);
        return Optional.of(e.current());
    }

    /** LAYOUTRETURN of type ALL (or FSID, one filesystem per server): frees every layout of the client. */
    public synchronized List<Holding> returnAll(long clientId) {
        List<Holding> gone = new ArrayList<>();
        for (Entry e : List.copyOf(byFile.values())) {
            if (e.clientId == clientId) {
                gone.add(view(e));
                drop(e);
            }
        }
        return gone;
    }

    /** The client holds nothing of the file after all (it answered a recall with NOMATCHING_LAYOUT). */
    public synchronized void forget(long clientId, Inode inode) {
        Entry e = byFile.get(new Key(clientId, inode));
        if (e != null) {
            drop(e);
        }
    }

    /** LAYOUTCOMMIT: the stateid must name this client's layout of this file, and the layout must not be revoked. */
    public synchronized Holding checkCommit(long clientId, Inode inode, StateId presented) throws NfsException {
        // A recall bumps the seqid while the client may still be committing writes it made under the older one;
        // refusing those with OLD_STATEID makes the Linux client retry the same commit forever (and fail fsync).
        // Like Linux nfsd, LAYOUTCOMMIT accepts an older seqid of the current layout; only a future one is bad.
        Entry e = resolve(clientId, presented, true);
        if (!e.inode.equals(inode)) {
            throw new BadStateidException("layout stateid of another file");
        }
        return view(e);
    }

    /**
     * Starts a recall: the seqid advances (RFC 8881 12.5.3) and the state becomes RECALLING. Empty when there is
     * nothing to recall, or when a recall of this layout is already under way: that one covers the whole layout,
     * and advancing the seqid a second time would leave the client two seqids behind the CB_LAYOUTRECALL it is
     * sent (the Linux client answers that with NFS4ERR_DELAY for as long as the gap lasts).
     */
    public synchronized Optional<Holding> beginRecall(long clientId, Inode inode) {
        Entry e = byFile.get(new Key(clientId, inode));
        if (e == null || e.state != LayoutState.GRANTED) {
            return Optional.empty();
        }
        e.move(LayoutState.RECALLING);
        e.bump();
        return Optional.of(view(e));
    }

    /** Revokes the layout (recall timeout, data server gone); true if there was one to revoke. */
    public synchronized boolean revoke(long clientId, Inode inode) {
        Entry e = byFile.get(new Key(clientId, inode));
        if (e == null || e.state == LayoutState.REVOKED) {
            return false;
        }
        e.move(LayoutState.REVOKED);
        e.ranges.clear();
        shrunk(e);
        return true;
    }

    /** The layout a client holds on a file, if any. */
    public synchronized Optional<Holding> holding(long clientId, Inode inode) {
        Entry e = byFile.get(new Key(clientId, inode));
        return e == null ? Optional.empty() : Optional.of(view(e));
    }

    /** Every client's layout on a file. */
    public synchronized List<Holding> holders(Inode inode) {
        return byFile.values().stream().filter(e -> e.inode.equals(inode)).map(LayoutStateTable::view).toList();
    }

    /** Every layout of every client. */
    public synchronized List<Holding> all() {
        return byFile.values().stream().map(LayoutStateTable::view).toList();
    }

    /** The client is gone (expired, destroyed): its layout states go with it. */
    public synchronized void forgetClient(long clientId) {
        returnAll(clientId);
    }

    private Entry resolve(long clientId, StateId sid) throws NfsException {
        return resolve(clientId, sid, false);
    }

    private Entry resolve(long clientId, StateId sid, boolean olderAccepted) throws NfsException {
        if (!isLayoutStateid(sid)) {
            throw new BadStateidException("not a layout stateid");
        }
        Entry e = byNumber.get(sid.number());
        if (e == null || e.clientId != clientId) {
            throw new BadStateidException("unknown layout stateid");
        }
        if (e.base.epoch() != sid.epoch()) {
            throw new StaleStateidException("layout stateid of another server instance");
        }
        if (e.state == LayoutState.REVOKED) {
            throw new AdminRevokedException("layout revoked");
        }
        if (sid.seqid() != 0 && sid.seqid() != e.seqid) {
            boolean older = Integer.compareUnsigned(sid.seqid(), e.seqid) < 0;
            if (older && olderAccepted) {
                return e;
            }
            if (older) {
                throw new OldStateidException("layout seqid " + sid.seqid() + " < " + e.seqid);
            }
            throw new BadStateidException("layout seqid from the future");
        }
        return e;
    }

    private Entry entry(int epoch, long clientId, Inode inode, byte[] fileHandle, int layoutType) {
        Key k = new Key(clientId, inode);
        Entry e = byFile.get(k);
        if (e != null && e.state == LayoutState.REVOKED) {
            drop(e);
            e = null;
        }
        if (e == null) {
            e = new Entry(clientId, inode, fileHandle, layoutType, new StateId(epoch, LAYOUT_BIT | next++, 0));
            byFile.put(k, e);
            byNumber.put(e.base.number(), e);
        }
        return e;
    }

    private void drop(Entry e) {
        byFile.remove(new Key(e.clientId, e.inode));
        byNumber.remove(e.base.number());
        shrunk(e);
    }

    private void shrunk(Entry e) {
        for (StateChangeListener l : changeListeners) {
            l.shrunk(e.clientId, e.inode);
        }
    }

    private static Holding view(Entry e) {
        return new Holding(e.clientId, e.inode, e.fileHandle.clone(), e.current(), e.state, List.copyOf(e.ranges),
                e.layoutType);
    }
}
