package org.gfspnfs.gfs.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.gfspnfs.gfs.device.BlockDevice;
import org.gfspnfs.gfs.device.ForwardingBlockDevice;
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
 * Ordered data while an fsync flushes the device without the log's lock: a commit that runs meanwhile must not count
 * on that flush, still under way, for the data written after it began.
 */
class LogOrderedDataTest {
    private static final int BS = 512;
    private static final long JOURNAL_START = 128;
    private static final LockName OWNER = new LockName(LockType.INODE, 10);
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void dataWrittenWhileAnFsyncFlushes_isFlushedAgainBeforeACommitThatRunsMeanwhile() throws Exception {
        RecordingDevice dev = new RecordingDevice(new MemoryBlockDevice(BS * 256));
        JournalWriter writer = new JournalWriter(new JournalArea(dev, BS, JOURNAL_START, 64), Clock.systemUTC(), 1, 0);
        Log log = new Log(writer, dev, new MetaCache(dev, BS));
        log.sync(); // data before the mount: durable from here on
        log.dataWritten(); // data the fsync below is for

        dev.pauseNextFlush();
        Future<?> fsync = threads.submit(() -> {
            log.sync();
            return null;
        });
        assertThat(dev.paused.await(10, TimeUnit.SECONDS)).as("the fsync's flush reached the device").isTrue();

        // An operation changes a block and writes file data it points at, after that flush began.
        assertThat(log.lock().tryLock(5, TimeUnit.SECONDS)).as("the log's lock while the device flushes").isTrue();
        try {
            log.add(new Buffer(10, MetaType.DI, OWNER, block(10)));
            log.dataWritten();
        } finally {
            log.lock().unlock();
        }
        dev.events.clear();
        log.flush(false);

        assertThat(dev.events).as("device calls of the commit").isNotEmpty();
        assertThat(dev.events.get(0)).as("first device call of the commit").isEqualTo("flush");
        assertThat(dev.events).contains("journal write");
        dev.release.countDown();
        fsync.get(10, TimeUnit.SECONDS);
    }

    @Test
    void anFsync_flushesTheDeviceWithoutTheLog_andCommitsWhatWasBatched() throws Exception {
        RecordingDevice dev = new RecordingDevice(new MemoryBlockDevice(BS * 256));
        JournalWriter writer = new JournalWriter(new JournalArea(dev, BS, JOURNAL_START, 64), Clock.systemUTC(), 1, 0);
        Log log = new Log(writer, dev, new MetaCache(dev, BS));
        log.lock().lock();
        try {
            log.add(new Buffer(10, MetaType.DI, OWNER, block(10)));
            log.dataWritten();
        } finally {
            log.lock().unlock();
        }

        dev.pauseNextFlush();
        Future<?> fsync = threads.submit(() -> {
            log.sync();
            return null;
        });
        assertThat(dev.paused.await(10, TimeUnit.SECONDS)).as("the fsync's flush reached the device").isTrue();
        assertThat(log.lock().tryLock(5, TimeUnit.SECONDS)).as("the log's lock while the device flushes").isTrue();
        log.lock().unlock();
        assertThat(log.isEmpty()).as("nothing committed before the data is durable").isFalse();

        dev.release.countDown();
        fsync.get(10, TimeUnit.SECONDS);
        assertThat(log.isEmpty()).as("batch after the fsync").isTrue();
        assertThat(log.commits()).isEqualTo(1);
        assertThat(dev.events).as("the commit needs no second data flush").containsExactly("flush", "journal write",
                "flush");
    }

    @Test
    void anFsyncWithNoDataWritten_costsTheCommitsOneFlush() throws Exception {
        RecordingDevice dev = new RecordingDevice(new MemoryBlockDevice(BS * 256));
        JournalWriter writer = new JournalWriter(new JournalArea(dev, BS, JOURNAL_START, 64), Clock.systemUTC(), 1, 0);
        Log log = new Log(writer, dev, new MetaCache(dev, BS));
        log.sync();
        log.lock().lock();
        try {
            log.add(new Buffer(10, MetaType.DI, OWNER, block(10))); // a create: metadata only
        } finally {
            log.lock().unlock();
        }
        dev.events.clear();

        log.sync();

        assertThat(dev.events).containsExactly("journal write", "flush");
        dev.events.clear();
        log.sync();
        assertThat(dev.events).as("nothing to commit: one device flush").containsExactly("flush");
    }

    private static byte[] block(long addr) {
        byte[] b = new byte[BS];
        Meta.init(b, MetaType.DI, addr);
        Meta.seal(b);
        return b;
    }

    /** Records writes into the journal and flushes; can hold the next flush until released. */
    private static final class RecordingDevice extends ForwardingBlockDevice {
        final List<String> events = new CopyOnWriteArrayList<>();
        final CountDownLatch paused = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private volatile boolean pauseNext;

        RecordingDevice(BlockDevice inner) {
            super(inner);
        }

        void pauseNextFlush() {
            pauseNext = true;
        }

        @Override
        public void write(long offset, ByteBuffer src) throws IOException {
            if (offset >= JOURNAL_START * BS) {
                events.add("journal write");
            }
            super.write(offset, src);
        }

        @Override
        public void flush() throws IOException {
            if (pauseNext) {
                pauseNext = false;
                paused.countDown();
                try {
                    if (!release.await(30, TimeUnit.SECONDS)) {
                        throw new IOException("the test never released the flush");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
            events.add("flush");
            super.flush();
        }
    }
}
