package org.gfspnfs.gfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.gfspnfs.gfs.device.FileBlockDevice;
import org.gfspnfs.gfs.device.PausingDevice;
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
             PausingDevice pausing = new PausingDevice(dev);
             FileSystem fs = FileSystems.mount(pausing, MountOptions.of(0, locks))) {
            InodeId x = fs.create(fs.root(), "x", 0644, 0, 0).id();
            fs.write(x, 0, filled(FILE, 1));
            pausing.pauseNextFlush();
            Future<?> fsync = threads.submit(() -> {
                fs.fsync(x);
                return null;
            });
            assertThat(pausing.paused()).as("the fsync reached the device flush").isTrue();

            InodeId y = InTime.call(threads, () -> fs.create(fs.root(), "y", 0644, 0, 0).id());
            InTime.call(threads, () -> fs.write(y, 0, filled(FILE, 2)));
            InTime.call(threads, () -> fs.write(x, FILE, filled(FILE, 3)));
            InTime.call(threads, () -> fs.mkdir(fs.root(), "d", 0755, 0, 0));
            assertThat(fsync.isDone()).as("the fsync is still waiting for the disk").isFalse();

            pausing.release();
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
}
