package org.gfspnfs.gfs.impl;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import org.gfspnfs.gfs.DeviceIOException;
import org.gfspnfs.gfs.Errno;
import org.gfspnfs.gfs.GfsException;
import org.gfspnfs.gfs.lock.LockMode;
import org.gfspnfs.gfs.lock.LockName;

/**
 * Runs operations one at a time on this mount. An operation that hits a {@link Restart} is run again with every
 * glock it has learnt it needs taken up front, in order - so two nodes never wait for each other in a cycle.
 */
final class OpRunner {
    private static final int MAX_ATTEMPTS = 64;
    private final Mount m;
    /**
     * Not fair: a fair lock hands the mount to the longest waiter at every release, a context switch per operation
     * when the NFS worker threads queue up; barging lets a running thread go on with its next operation.
     */
    private final ReentrantLock serial = new ReentrantLock();
    private final boolean syncMetadata;
    private final int cacheBlocks;

    OpRunner(Mount m, boolean syncMetadata, int cacheBlocks) {
        this.m = m;
        this.syncMetadata = syncMetadata;
        this.cacheBlocks = cacheBlocks;
    }

    <T> T run(OpBody<T> body) throws GfsException {
        serial.lock();
        try {
            return runLocked(body);
        } finally {
            endOp();
        }
    }

    /**
     * Maps a read of file data as an operation ({@code plan}), then copies it from the device into {@code dst}
     * after letting the mount go, so that reads copy side by side while other operations run. The read is begun on
     * the mount's {@link DataReads} before the lock is released: nothing can reuse the blocks it maps until it has
     * ended.
     */
    PlannedRead read(OpBody<PlannedRead> plan, ByteBuffer dst) throws GfsException {
        // Begun inside the operation, while it still holds the inode's glock: a demote scheduled when the operation
        // lets the glock go then waits for this read (GfsMounter's demote hook). Ended whatever happens after.
        long[] begun = {-1};
        try {
            PlannedRead read = mapLocked(op -> {
                PlannedRead r = plan.run(op);
                if (begun[0] < 0) {
                    begun[0] = m.dataReads().begin();
                }
                return r;
            });
            read.copy(m.device(), dst);
            return read;
        } catch (DeviceIOException e) {
            m.withdraw();
            throw e;
        } finally {
            if (begun[0] >= 0) {
                m.dataReads().end(begun[0]);
            }
        }
    }

    /**
     * Maps a read of file data as an operation ({@code plan}) and hands it out still begun on the mount's
     * {@link DataReads}, for the caller to send and then close. A waiter that needs its blocks revokes it rather
     * than wait for the caller's client.
     */
    MappedFileRead map(OpBody<PlannedRead> plan) throws GfsException {
        MappedFileRead[] mapped = {null};
        try {
            mapLocked(op -> {
                PlannedRead r = plan.run(op);
                if (mapped[0] != null) {
                    mapped[0].close(); // an earlier attempt's, if the body ever ran twice
                }
                mapped[0] = new MappedFileRead(r, m.device(), m.dataReads());
                mapped[0].begin();
                return r;
            });
            return mapped[0];
        } catch (GfsException | RuntimeException | Error e) {
            if (mapped[0] != null) {
                mapped[0].close();
            }
            throw e;
        }
    }

    private PlannedRead mapLocked(OpBody<PlannedRead> body) throws GfsException {
        serial.lock();
        try {
            return runLocked(body);
        } finally {
            endOp();
        }
    }

    private void endOp() {
        try {
            m.cache().trim(cacheBlocks);
            m.glocks().prune(cacheBlocks);
        } finally {
            serial.unlock();
        }
    }

    private <T> T runLocked(OpBody<T> body) throws GfsException {
        Map<LockName, LockMode> prefetch = new TreeMap<>();
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            boolean changed;
            T result;
            try (Op op = new Op(m)) {
                for (Map.Entry<LockName, LockMode> e : prefetch.entrySet()) {
                    op.lock(e.getKey(), e.getValue());
                }
                result = body.run(op);
                op.succeed();
                changed = op.applying();
            } catch (Restart r) {
                prefetch.merge(r.name, r.mode, (a, b) -> a == LockMode.EX || b == LockMode.EX ? LockMode.EX : a);
                continue;
            } catch (DeviceIOException e) {
                m.withdraw();
                throw e;
            }
            if (changed && (syncMetadata || m.log().nearlyFull())) {
                m.log().flush(false);
            }
            return result;
        }
        throw new GfsException(Errno.EAGAIN, "operation could not get its glocks in " + MAX_ATTEMPTS + " tries");
    }

    /** Runs {@code r} with no operation in flight on this mount (unmount, recovery). */
    void exclusive(Runnable r) {
        serial.lock();
        try {
            r.run();
        } finally {
            serial.unlock();
        }
    }

    ReentrantLock serial() {
        return serial;
    }
}
