package org.gfspnfs.gfs.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.gfspnfs.gfs.device.PausingDevice;
import org.gfspnfs.gfs.device.MemoryBlockDevice;
import org.gfspnfs.gfs.format.Meta;
import org.gfspnfs.gfs.format.MetaType;
import org.gfspnfs.gfs.journal.JournalArea;
import org.gfspnfs.gfs.journal.JournalWriter;
import org.gfspnfs.gfs.lock.LockName;
import org.gfspnfs.gfs.lock.LockType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Ordered data and the cost of an fsync, now that an fsync flushes file data without the log's lock: a commit that
 * runs meanwhile must not count on that flush, still under way, for data written after it began; and an fsync
 * with nothing but metadata to make durable costs one flush. Device calls are recorded as "write" (into the
 * journal) and "flush".
 */
class LogOrderedDataTest {
    private static final int BS = 512;
    private static final long JOURNAL_START = 128;
    private static final LockName OWNER = new LockName(LockType.INODE, 10);
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final PausingDevice dev = new PausingDevice(new MemoryBlockDevice(BS * 256), JOURNAL_START * BS);
    private final Log log = new Log(new JournalWriter(new JournalArea(dev, BS, JOURNAL_START, 64), Clock.systemUTC(),
            1, 0), dev, new MetaCache(dev, BS));

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void dataWrittenWhileAnFsyncFlushes_isFlushedAgainBeforeACommitThatRunsMeanwhile() throws Exception {
        log.sync(); // data before the mount: durable from here on
        log.dataWritten(); // data the fsync below is for
        Future<?> fsync = pausedFsync();

        operation(true); // changes a block and writes file data it points at, after that flush began
        dev.events().clear();
        log.flush(false);

        assertThat(dev.events()).as("device calls of the commit").containsExactly("flush", "write", "flush");
        dev.release();
        fsync.get(10, TimeUnit.SECONDS);
    }

    @Test
    void anFsync_flushesTheDeviceWithoutTheLog_andCommitsWhatWasBatched() throws Exception {
        operation(true);
        Future<?> fsync = pausedFsync();
        assertThat(log.lock().tryLock(5, TimeUnit.SECONDS)).as("the log's lock while the device flushes").isTrue();
        log.lock().unlock();
        assertThat(log.isEmpty()).as("nothing committed before the data is durable").isFalse();

        dev.release();
        fsync.get(10, TimeUnit.SECONDS);
        assertThat(log.isEmpty()).as("batch after the fsync").isTrue();
        assertThat(log.commits()).isEqualTo(1);
        assertThat(dev.events()).as("the commit needs no second data flush").containsExactly("flush", "write",
                "flush");
    }

    @Test
    void anFsyncWithNoDataWritten_costsTheCommitsOneFlush() throws Exception {
        log.sync();
        operation(false); // a create: metadata only
        dev.events().clear();

        log.sync();

        assertThat(dev.events()).containsExactly("write", "flush");
        dev.events().clear();
        log.sync();
        assertThat(dev.events()).as("nothing to commit: one device flush").containsExactly("flush");
    }

    /** What an operation leaves the log: one changed block, and (with {@code data}) file data written beside it. */
    private void operation(boolean data) throws InterruptedException {
        assertThat(log.lock().tryLock(5, TimeUnit.SECONDS)).as("the log's lock").isTrue();
        try {
            log.add(new Buffer(10, MetaType.DI, OWNER, block(10)));
            if (data) {
                log.dataWritten();
            }
        } finally {
            log.lock().unlock();
        }
    }

    /** Starts an fsync and waits until it is held in its device flush. */
    private Future<?> pausedFsync() throws InterruptedException {
        dev.pauseNextFlush();
        Future<?> fsync = threads.submit(() -> {
            log.sync();
            return null;
        });
        assertThat(dev.paused()).as("the fsync's flush reached the device").isTrue();
        return fsync;
    }

    private static byte[] block(long addr) {
        byte[] b = new byte[BS];
        Meta.init(b, MetaType.DI, addr);
        Meta.seal(b);
        return b;
    }
}
