package org.gfspnfs.gfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.gfspnfs.gfs.device.BlockDevice;
import org.gfspnfs.gfs.device.FileBlockDevice;
import org.gfspnfs.gfs.device.ForwardingBlockDevice;
import org.gfspnfs.gfs.lock.LocalLockModule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An fsync (an NFS COMMIT) waits for the disk without stopping the mount: while its device flush runs, other
 * clients' writes and metadata changes go on, as they do on a local filesystem. Before, the flush held the log's
 * lock, and every operation that changed anything waited for the disk with it.
 */
class FsyncWhileWritingTest {
    private static final int FILE = 256 << 10;

    @TempDir
    Path tmp;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void writesAndMetadataChanges_goOnWhileAnFsyncWaitsForTheDisk() throws Exception {
        try (LocalLockModule locks = new LocalLockModule();
             FileBlockDevice dev = TestImages.formattedFile(tmp.resolve("img"));
             FlushPausingDevice pausing = new FlushPausingDevice(dev);
             FileSystem fs = FileSystems.mount(pausing, MountOptions.of(0, locks))) {
            InodeId x = fs.create(fs.root(), "x", 0644, 0, 0).id();
            fs.write(x, 0, filled(FILE, 1));
            pausing.pauseNextFlush();
            Future<?> fsync = threads.submit(() -> {
                fs.fsync(x);
                return null;
            });
            assertThat(pausing.paused.await(10, TimeUnit.SECONDS)).as("the fsync reached the device flush").isTrue();

            InodeId y = inTime(() -> fs.create(fs.root(), "y", 0644, 0, 0).id());
            inTime(() -> fs.write(y, 0, filled(FILE, 2)));
            inTime(() -> fs.write(x, FILE, filled(FILE, 3)));
            inTime(() -> fs.mkdir(fs.root(), "d", 0755, 0, 0));
            assertThat(fsync.isDone()).as("the fsync is still waiting for the disk").isFalse();

            pausing.release.countDown();
            fsync.get(10, TimeUnit.SECONDS);
            fs.fsync(y);
            assertThat(fs.getattr(x).size()).isEqualTo(2L * FILE);
            ByteBuffer back = ByteBuffer.allocate(FILE);
            fs.read(y, 0, back);
            assertThat(back.flip()).isEqualTo(filled(FILE, 2));
        }
    }

    private static ByteBuffer filled(int n, int value) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) value);
        return ByteBuffer.wrap(b);
    }

    private <T> T inTime(Call<T> call) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return call.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, threads).get(10, TimeUnit.SECONDS);
    }

    private interface Call<T> {
        T run() throws Exception;
    }

    /** Passes everything through; the next flush after {@link #pauseNextFlush} waits for {@link #release}. */
    private static final class FlushPausingDevice extends ForwardingBlockDevice {
        final CountDownLatch paused = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private volatile boolean pauseNext;

        FlushPausingDevice(BlockDevice inner) {
            super(inner);
        }

        void pauseNextFlush() {
            pauseNext = true;
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
            super.flush();
        }

        @Override
        public void close() {
            // the test closes the device it wraps
        }
    }
}
