package org.gfspnfs.gfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.gfspnfs.gfs.device.FileBlockDevice;
import org.gfspnfs.gfs.device.PausingDevice;
import org.gfspnfs.gfs.lock.LocalLockModule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * File data is copied from the device after the read's operation has let the mount go, so that reads run side by
 * side and other operations do not wait for them; and no block a read has mapped is handed to anything else until
 * that read has finished: not by a truncate on the same node, not by one on another node.
 */
class ConcurrentDataReadsTest {
    private static final int FILE = 256 << 10;
    private static final long STILL_BLOCKED_MS = 300;

    @TempDir
    Path tmp;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void aReadCopyingFromTheDevice_doesNotHoldUpReadsOrChangesOfOtherFiles() throws Exception {
        try (LocalLockModule locks = new LocalLockModule();
             FileBlockDevice dev = TestImages.formattedFile(tmp.resolve("img"));
             PausingDevice pausing = new PausingDevice(dev);
             FileSystem fs = FileSystems.mount(pausing, MountOptions.of(0, locks))) {
            InodeId x = file(fs, "x", 1);
            InodeId y = file(fs, "y", 2);
            Future<ByteBuffer> paused = pausedRead(fs, pausing, x);

            ByteBuffer other = ByteBuffer.allocate(FILE);
            assertThat(InTime.call(threads, () -> fs.read(y, 0, other))).as("read of another file").isEqualTo(FILE);
            assertThat(other.flip()).isEqualTo(content(2));
            InodeId z = InTime.call(threads, () -> fs.create(fs.root(), "z", 0644, 0, 0).id());
            InTime.call(threads, () -> fs.write(z, 0, ByteBuffer.wrap(new byte[5000])));
            assertThat(InTime.call(threads, () -> fs.getattr(z)).size()).isEqualTo(5000);
            assertThat(paused.isDone()).as("the paused read is still copying").isFalse();

            pausing.release();
            assertThat(paused.get(10, TimeUnit.SECONDS)).isEqualTo(content(1));
        }
    }

    @Test
    void truncatingAFileWhileItIsRead_waitsForTheReadBeforeItsBlocksAreFreed() throws Exception {
        try (LocalLockModule locks = new LocalLockModule();
             FileBlockDevice dev = TestImages.formattedFile(tmp.resolve("img"));
             PausingDevice pausing = new PausingDevice(dev);
             FileSystem fs = FileSystems.mount(pausing, MountOptions.of(0, locks))) {
            InodeId x = file(fs, "x", 1);
            assertWaitsForPausedRead(fs, pausing, x, "truncate of the file being read",
                    () -> fs.setattr(x, SetAttributes.NONE.withSize(0)));
        }
    }

    @Test
    void anotherNodeTruncatingAFileThisNodeReads_waitsForTheRead() throws Exception {
        try (LocalLockModule locks = new LocalLockModule();
             FileBlockDevice dev = TestImages.formattedFile(tmp.resolve("img"));
             PausingDevice pausing = new PausingDevice(dev);
             FileSystem a = FileSystems.mount(pausing, MountOptions.of(0, locks));
             FileSystem b = FileSystems.mount(dev, MountOptions.of(1, locks))) {
            InodeId x = file(a, "x", 1);
            a.sync();
            assertWaitsForPausedRead(a, pausing, x, "truncate on the other node", () -> {
                b.setattr(x, SetAttributes.NONE.withSize(0));
                b.write(b.create(b.root(), "reuse", 0644, 0, 0).id(), 0, ByteBuffer.wrap(new byte[4 * FILE]));
            });
        }
    }

    private static InodeId file(FileSystem fs, String name, int seed) throws GfsException {
        InodeId f = fs.create(fs.root(), name, 0644, 0, 0).id();
        fs.write(f, 0, content(seed));
        fs.fsync(f);
        return f;
    }

    private static ByteBuffer content(int seed) {
        byte[] b = new byte[FILE];
        new Random(seed).nextBytes(b);
        return ByteBuffer.wrap(b);
    }

    /** Starts a whole-file read of {@code f} that stops inside its device read until {@code release}. */
    private Future<ByteBuffer> pausedRead(FileSystem fs, PausingDevice pausing, InodeId f) throws Exception {
        pausing.pauseReadAt(fs.mapRange(f, 0, FILE).get(0).deviceOffset(), FILE);
        Future<ByteBuffer> read = threads.submit(() -> {
            ByteBuffer dst = ByteBuffer.allocate(FILE);
            assertThat(fs.read(f, 0, dst)).isEqualTo(FILE);
            return dst.flip();
        });
        assertThat(pausing.paused()).as("the read reached the device").isTrue();
        return read;
    }

    /**
     * Pauses a whole-file read of {@code x} on {@code fs} inside its device read, starts {@code truncate}, and checks
     * that it does not finish before the read is let go, that the read returns what was written, and that the file
     * is empty afterwards.
     */
    private void assertWaitsForPausedRead(FileSystem fs, PausingDevice pausing, InodeId x, String what,
                                          Step truncate) throws Exception {
        Future<ByteBuffer> paused = pausedRead(fs, pausing, x);
        Future<?> truncating = threads.submit(() -> {
            truncate.run();
            return null;
        });
        assertStillBlocked(truncating, what);

        pausing.release();
        assertThat(paused.get(10, TimeUnit.SECONDS)).as("what the read returns").isEqualTo(content(1));
        truncating.get(10, TimeUnit.SECONDS);
        assertThat(fs.getattr(x).size()).isZero();
    }

    private static void assertStillBlocked(Future<?> f, String what) throws Exception {
        try {
            f.get(STILL_BLOCKED_MS, TimeUnit.MILLISECONDS);
            throw new AssertionError(what + " finished while a read of the file was still copying its blocks");
        } catch (TimeoutException expected) {
            // still waiting for the read, as it must
        }
    }

    private interface Step {
        void run() throws Exception;
    }
}
