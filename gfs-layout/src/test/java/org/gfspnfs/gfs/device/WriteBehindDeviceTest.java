package org.gfspnfs.gfs.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Background flushes after enough data, and no failure of one lost to the flush a COMMIT waits for. */
class WriteBehindDeviceTest {
    private static final int KIB = 1024;

    /** A memory device that counts its flushes and fails them on demand. */
    private static final class CountingDevice extends ForwardingBlockDevice {
        final AtomicInteger flushes = new AtomicInteger();
        volatile IOException failNext;
        volatile CountDownLatch inFlush;
        volatile CountDownLatch release;

        CountingDevice() {
            super(new MemoryBlockDevice(1 << 20));
        }

        @Override
        public void flush() throws IOException {
            flushes.incrementAndGet();
            // Taken at once, as the kernel reports a writeback error to the first fsync that asks.
            IOException fail = failNext;
            failNext = null;
            if (inFlush != null) {
                inFlush.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (fail != null) {
                throw fail;
            }
        }
    }

    /** Runs what it is given when told to. */
    private static final class ManualExecutor implements Executor {
        final Queue<Runnable> queued = new ArrayDeque<>();

        @Override
        public void execute(Runnable r) {
            queued.add(r);
        }

        void runAll() {
            while (!queued.isEmpty()) {
                queued.poll().run();
            }
        }
    }

    private final CountingDevice below = new CountingDevice();
    private final ManualExecutor flusher = new ManualExecutor();
    private final WriteBehindDevice device = new WriteBehindDevice(below, 64 * KIB, flusher);

    @Test
    void afterThresholdBytes_oneBackgroundFlushIsStarted_andWritesGoThroughMeanwhile() throws IOException {
        for (int i = 0; i < 15; i++) {
            device.write(i * 4L * KIB, ByteBuffer.allocate(4 * KIB));
        }
        assertThat(flusher.queued).as("below the threshold").isEmpty();
        device.write(60 * KIB, ByteBuffer.wrap(new byte[4 * KIB]));
        assertThat(flusher.queued).hasSize(1);
        for (int i = 0; i < 40; i++) {
            device.write(i * 4L * KIB, ByteBuffer.allocate(4 * KIB));
        }
        assertThat(flusher.queued).as("one at a time").hasSize(1);
        assertThat(below.flushes).hasValue(0);
        flusher.runAll();
        assertThat(below.flushes).hasValue(1);
        device.write(0, ByteBuffer.allocate(4 * KIB));
        assertThat(flusher.queued).as("160 KiB came in while the first one was pending").hasSize(1);
        flusher.runAll();
        device.write(0, ByteBuffer.allocate(4 * KIB));
        assertThat(flusher.queued).as("counted afresh from the last flush's start").isEmpty();
        ByteBuffer back = ByteBuffer.allocate(4 * KIB);
        device.read(60 * KIB, back);
        assertThat(back.array()).isEqualTo(new byte[4 * KIB]);
    }

    @Test
    void aFailedBackgroundFlush_failsTheNextFlush_once() throws IOException {
        device.write(0, ByteBuffer.allocate(64 * KIB));
        below.failNext = new IOException("EIO");
        flusher.runAll();
        assertThatThrownBy(device::flush).isInstanceOf(IOException.class).hasMessageContaining("EIO");
        device.flush();
        assertThat(below.flushes).hasValue(3);
    }

    @Test
    void aFlushWhileABackgroundOneRuns_waitsForIt_andReportsItsFailure() throws Exception {
        below.inFlush = new CountDownLatch(1);
        below.release = new CountDownLatch(1);
        device.write(0, ByteBuffer.allocate(64 * KIB));
        below.failNext = new IOException("EIO seen by the background flush only");
        Thread background = new Thread(flusher::runAll);
        background.start();
        assertThat(below.inFlush.await(10, TimeUnit.SECONDS)).isTrue();
        below.inFlush = null;
        Thread releaser = new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            below.release.countDown();
        });
        releaser.start();
        // The flush below succeeds (the background one has the error), yet the data may not be on the disk.
        assertThatThrownBy(device::flush).isInstanceOf(IOException.class).hasMessageContaining("background flush only");
        background.join();
        releaser.join();
    }

    @Test
    void aRejectedBackgroundFlush_isRetriedAfterTheNextThreshold() throws IOException {
        AtomicInteger offered = new AtomicInteger();
        WriteBehindDevice closing = new WriteBehindDevice(below, 64 * KIB, r -> {
            offered.incrementAndGet();
            throw new java.util.concurrent.RejectedExecutionException("shut down");
        });
        closing.write(0, ByteBuffer.allocate(64 * KIB));
        closing.write(0, ByteBuffer.allocate(64 * KIB));
        assertThat(offered).hasValue(2);
        closing.flush();
        assertThat(below.flushes).hasValue(1);
    }
}
