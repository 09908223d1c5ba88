package org.gfspnfs.gfs.impl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gfspnfs.gfs.GfsException;
import org.gfspnfs.gfs.ReadOnlyException;
import org.gfspnfs.gfs.format.MetaType;
import org.gfspnfs.gfs.lock.LockMode;
import org.gfspnfs.gfs.lock.LockName;

/**
 * One filesystem operation: a plan phase that takes glocks (in order; out-of-order ones are tried, else
 * {@link Restart}) and reads, then an apply phase under the log lock that changes buffers. Every buffer changed is
 * snapshotted first, so an operation that fails half-way is rolled back instead of half-committed.
 */
final class Op implements AutoCloseable {
    private final Mount m;
    /** The glocks this operation holds, in acquisition order, with the state to release without a lookup. */
    private final TreeMap<LockName, Held> held = new TreeMap<>();
    /** Undo copies, new blocks and changed dinodes: made on the first change (most operations only read). */
    private Map<Long, Undo> undo = Map.of();
    private List<Buffer> created = List.of();
    /** Glocks whose dinode this operation changed or created: their decoded attributes are void until it ends. */
    private List<GlockState> changedDinodes = List.of();
    private boolean applying;
    private boolean succeeded;
    private boolean readsAwaited;
    private int dirtied;

    Op(Mount m) {
        this.m = m;
    }

    Mount mount() {
        return m;
    }

    /** Takes {@code name} in at least {@code mode} for the rest of the operation. */
    void lock(LockName name, LockMode mode) throws GfsException {
        if (applying) {
            throw new IllegalStateException("glock " + name + " requested in the apply phase");
        }
        Held h = held.get(name);
        if (h != null) {
            if (h.mode.covers(mode)) {
                return;
            }
            throw new Restart(name, mode);
        }
        boolean inOrder = held.isEmpty() || name.compareTo(held.lastKey()) > 0;
        GlockState g = m.glocks().hold(name, mode, !inOrder);
        if (g == null) {
            throw new Restart(name, mode);
        }
        held.put(name, new Held(mode, g));
    }

    /** Lets go of a glock this operation took but did not use to change anything. */
    void unlock(LockName name) {
        Held h = held.remove(name);
        if (h != null) {
            m.glocks().release(h.glock);
        }
    }

    boolean holds(LockName name, LockMode mode) {
        Held h = held.get(name);
        return h != null && h.mode.covers(mode);
    }

    /** Ends the plan phase: from here on buffers may change and no glock may be requested. */
    void beginApply() throws GfsException {
        if (m.readOnly()) {
            throw new ReadOnlyException("filesystem is read-only");
        }
        m.log().lock().lock();
        applying = true;
        if (m.log().nearlyFull()) {
            m.log().flush(false);
        }
    }

    boolean applying() {
        return applying;
    }

    /** Marks a buffer as changed by this operation (call before changing it). */
    Buffer modify(Buffer b) {
        if (!applying) {
            throw new IllegalStateException("buffer " + b.addr + " changed outside the apply phase");
        }
        if (!holds(b.owner, LockMode.EX)) {
            // Only EX holders may dirty blocks: a demote from SH relies on it to skip the journal flush.
            throw new IllegalStateException("buffer " + b.addr + " changed without " + b.owner + " in EX");
        }
        b.sortedEntries = null;
        if (!undo.containsKey(b.addr)) {
            if (undo.isEmpty()) {
                undo = new LinkedHashMap<>();
            }
            undo.put(b.addr, new Undo(b, m.log().snapshot(b.data), b.dirty));
            dirtied++;
            if (b.type == MetaType.DI) {
                changingDinode(b.owner);
            }
        }
        m.log().add(b);
        return b;
    }

    /**
     * The dinode at {@code block} is being freed: attributes decoded from it must not outlive this operation. The
     * inode's glock is held in EX by whoever frees an inode; a free without it (a block never read as an inode)
     * has nothing decoded to void.
     */
    /**
     * Before this operation frees a block: waits, once per operation, for the file data reads begun before it
     * ({@link DataReads}). None begins while it runs: reads begin under the operation lock it holds.
     */
    void awaitPriorReads() throws GfsException {
        if (!readsAwaited) {
            m.dataReads().awaitPrior();
            readsAwaited = true;
        }
    }

    void dinodeFreed(long block) {
        LockName gl = Inode.glockOf(block);
        if (holds(gl, LockMode.EX)) {
            changingDinode(gl);
        }
    }

    /** From now until this operation ends, nobody decodes (or uses decoded) attributes of {@code owner}'s dinode. */
    private void changingDinode(LockName owner) {
        GlockState g = held.get(owner).glock();
        synchronized (g) {
            g.dinodeWriters++;
            g.attributes = null;
        }
        if (changedDinodes.isEmpty()) {
            changedDinodes = new ArrayList<>(2);
        }
        changedDinodes.add(g);
    }

    /** A new metadata block (freshly allocated: never read from the device). */
    Buffer create(long addr, MetaType type, LockName owner) {
        if (!applying || !holds(owner, LockMode.EX)) {
            throw new IllegalStateException("block " + addr + " created outside the apply phase or without EX");
        }
        Buffer b = m.cache().create(addr, type, owner);
        if (created.isEmpty()) {
            created = new ArrayList<>();
        }
        created.add(b);
        if (type == MetaType.DI) {
            changingDinode(owner);
        }
        dirtied++;
        m.log().add(b);
        return b;
    }

    /** Buffers changed so far: big operations stop at {@link Log#operationBudget()} and continue in another. */
    int dirtied() {
        return dirtied;
    }

    void succeed() {
        succeeded = true;
    }

    @Override
    public void close() {
        try {
            if (applying) {
                if (!succeeded) {
                    rollback();
                }
                for (GlockState g : changedDinodes) {
                    synchronized (g) {
                        g.dinodeWriters--;
                        g.attributes = null;
                    }
                }
                changedDinodes = List.of();
                for (Undo u : undo.values()) {
                    u.buffer().sortedEntries = null;   // decoded after the change began, or before a rollback
                    m.log().recycle(u.data());
                }
                for (Buffer b : created) {
                    b.sortedEntries = null;
                }
                undo = Map.of();
                m.log().lock().unlock();
            }
        } finally {
            for (Held h : held.descendingMap().values()) {
                m.glocks().release(h.glock);
            }
            held.clear();
        }
    }

    private void rollback() {
        for (Buffer b : created) {
            m.log().remove(b);
            m.cache().drop(b.addr);
        }
        for (Undo u : undo.values()) {
            System.arraycopy(u.data(), 0, u.buffer().data, 0, u.data().length);
            m.cache().restore(u.buffer());
            if (u.wasDirty()) {
                m.log().add(u.buffer());
            } else {
                m.log().remove(u.buffer());
            }
        }
    }

    private record Undo(Buffer buffer, byte[] data, boolean wasDirty) {
    }

    private record Held(LockMode mode, GlockState glock) {
    }
}
