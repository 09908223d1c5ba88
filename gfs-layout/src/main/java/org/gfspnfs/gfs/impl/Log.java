package org.gfspnfs.gfs.impl;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.gfspnfs.gfs.DeviceIOException;
import org.gfspnfs.gfs.GfsException;
import org.gfspnfs.gfs.device.BlockDevice;
import org.gfspnfs.gfs.format.Meta;
import org.gfspnfs.gfs.journal.BlockImage;
import org.gfspnfs.gfs.journal.JournalWriter;

/**
 * The in-memory log batch (GFS2's incore log): metadata blocks changed by finished operations, committed together
 * by {@link #flush}. The lock serializes operations' apply phases with flushes, so a flush never commits half an
 * operation.
 */
final class Log {
    private final ReentrantLock lock = new ReentrantLock();
    private final JournalWriter writer;
    private final BlockDevice device;
    private final MetaCache cache;
    private final Map<Long, Buffer> batch = new LinkedHashMap<>();
    private final Set<Long> revokes = new LinkedHashSet<>();
    private final List<Runnable> afterCommit = new ArrayList<>();
    private long commits;
    private long checkpoints;
    /**
     * Ordered data: writes of file data outside the journal are counted ({@link #dataWritten}, after each write),
     * and a device flush records the count it began with as durable. A commit while the count is ahead flushes the
     * device first, or its metadata could become durable pointing at blocks whose data is not. A count, not a flag,
     * because {@link #sync} flushes without the lock: a commit that runs meanwhile must not take that flush, still
     * under way, for done. Starts one ahead: data written before this mount is not known durable.
     */
    private final AtomicLong dataWrites = new AtomicLong(1);
    private final AtomicLong durableDataWrites = new AtomicLong();
    /**
     * Block-sized arrays for operations' undo copies ({@link #snapshot}), reused: every operation copies each block
     * before its first change, and a fresh 4 KiB array per copy was over a third of a metadata server's allocation
     * (and of its young collections). Guarded by {@link #lock}, under which every change is made.
     */
    private final ArrayDeque<byte[]> spareSnapshots = new ArrayDeque<>();
    private static final int SPARE_SNAPSHOTS = 64;

    Log(JournalWriter writer, BlockDevice device, MetaCache cache) {
        this.writer = writer;
        this.device = device;
        this.cache = cache;
    }

    ReentrantLock lock() {
        return lock;
    }

    /** A copy of {@code data} for an operation to roll back to; give it back with {@link #recycle}. Under the lock. */
    byte[] snapshot(byte[] data) {
        byte[] copy = spareSnapshots.pollFirst();
        if (copy == null || copy.length != data.length) {
            copy = new byte[data.length];
        }
        System.arraycopy(data, 0, copy, 0, data.length);
        return copy;
    }

    /** Takes back a {@link #snapshot} the operation no longer needs. Under the lock. */
    void recycle(byte[] snapshot) {
        if (spareSnapshots.size() < SPARE_SNAPSHOTS) {
            spareSnapshots.addFirst(snapshot);
        }
    }

    /** Runs after every commit (e.g. blocks freed in the batch become allocatable). */
    void onCommit(Runnable r) {
        afterCommit.add(r);
    }

    /**
     * File data went to the device (not through the journal): the next commit must order it before itself. Called
     * once the write has returned, so that a flush that counts it has it.
     */
    void dataWritten() {
        dataWrites.incrementAndGet();
    }

    private boolean dataNotDurable() {
        return dataWrites.get() > durableDataWrites.get();
    }

    /** Runs {@code flush} (a device flush, possibly inside a commit) and records the data written before it durable. */
    private void flushingData(IoAction flush) throws IOException {
        long upTo = dataWrites.get();
        flush.run();
        durableDataWrites.accumulateAndGet(upTo, Math::max);
    }

    private interface IoAction {
        void run() throws IOException;
    }

    void add(Buffer b) {
        if (!b.dirty) {
            b.dirty = true;
            batch.put(b.addr, b);
        }
        revokes.remove(b.addr);
    }

    /** Takes a block out of the batch again (an operation's undo restored its committed contents). */
    void remove(Buffer b) {
        b.dirty = false;
        batch.remove(b.addr);
    }

    /** A metadata block was freed: it leaves the batch, and a revoke keeps replay from writing an old image. */
    void freed(long addr) {
        Buffer b = batch.remove(addr);
        if (b != null) {
            b.dirty = false;
        }
        cache.drop(addr);
        if (writer.live(addr)) {
            revokes.add(addr);
        }
    }

    boolean isEmpty() {
        return batch.isEmpty() && revokes.isEmpty();
    }

    /** Whether the batch should be committed before another operation adds to it. */
    boolean nearlyFull() {
        return writer.bodyBlocks(batch.size(), revokes.size()) > writer.maxImages() / 2;
    }

    /** Blocks an operation may dirty at most, so that it always fits in one commit with the rest of a batch. */
    int operationBudget() {
        return Math.max(8, writer.maxImages() / 3);
    }

    long commits() {
        return commits;
    }

    long checkpoints() {
        return checkpoints;
    }

    /**
     * Commits the batch (ordered data first, via the writer's leading device flush). With {@code checkpoint} the
     * in-place writes are then forced and an empty CLEAN commit ends the live part of the journal: required before
     * a glock goes to another node, since otherwise replaying this journal after a crash would write back images of
     * blocks that other nodes have changed since (GFS2 moves the log tail past them for the same reason).
     */
    void flush(boolean checkpoint) throws GfsException {
        lock.lock();
        try {
            if (!isEmpty()) {
                List<BlockImage> images = new ArrayList<>(batch.size());
                for (Buffer b : batch.values()) {
                    Meta.seal(b.data);
                    images.add(new BlockImage(b.addr, b.data.clone()));
                }
                long[] rev = new long[revokes.size()];
                int r = 0;
                for (long a : revokes) {
                    rev[r++] = a;
                }
                boolean ordered = dataNotDurable();
                flushingData(() -> writer.commit(images, rev, ordered));
                commits++;
                batch.values().forEach(b -> b.dirty = false);
                batch.clear();
                revokes.clear();
                afterCommit.forEach(Runnable::run);
            }
            if (checkpoint) {
                if (writer.hasLiveTransactions()) {
                    writer.markClean();
                    checkpoints++;
                } else {
                    flushingData(device::flush);
                }
            }
        } catch (IOException e) {
            throw new DeviceIOException("journal commit failed: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * fsync/sync: everything committed so far and all ordered data are durable when this returns. The journal stays
     * live (a crash replays the transactions since its last checkpoint); only a glock handover needs a {@link #flush
     * checkpoint}.
     *
     * <p>File data written since the last flush goes to the disk first, without the lock, so operations go on
     * changing metadata and writing data meanwhile (the long part: a client's COMMIT after a stream of WRITEs). Only
     * the commit of the batch holds the lock; it flushes the device first again only if data was written during that
     * flush. An fsync that finds no data to flush (a create, a small file kept in its dinode) costs the commit's one
     * flush, and one with nothing to commit a single device flush, which also covers data written past this mount's
     * log (a data server's).
     */
    void sync() throws GfsException {
        try {
            boolean flushed = false;
            if (dataNotDurable()) {
                flushingData(device::flush);
                flushed = true;
            }
            boolean committed;
            lock.lock();
            try {
                committed = !isEmpty();
                if (committed) {
                    flush(false);
                }
            } finally {
                lock.unlock();
            }
            if (!committed && !flushed) {
                flushingData(device::flush);
            }
        } catch (IOException e) {
            throw new DeviceIOException("device flush failed: " + e.getMessage(), e);
        }
    }

    /** Unmount: commit and checkpoint, so the journal ends with a CLEAN commit and the next mount replays nothing. */
    void close() throws GfsException {
        flush(true);
    }
}
