package org.gfspnfs.mds.layout;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.gfspnfs.gfs.FileSystem;
import org.gfspnfs.gfs.FileSystems;
import org.gfspnfs.gfs.InodeId;
import org.gfspnfs.gfs.Mkfs;
import org.gfspnfs.gfs.MkfsOptions;
import org.gfspnfs.gfs.MountOptions;
import org.gfspnfs.gfs.device.FileBlockDevice;
import org.gfspnfs.gfs.lock.LocalLockModule;
import org.gfspnfs.nfs41.compound.FileHandle;
import org.gfspnfs.nfs41.pnfs.DeviceId;
import org.gfspnfs.nfs41.pnfs.LayoutIoMode;
import org.gfspnfs.nfs41.pnfs.LayoutRecaller;
import org.gfspnfs.nfs41.pnfs.LayoutStateTable;
import org.gfspnfs.nfs41.vfs.Inode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the provider tests share: a fresh 64 MiB gfs image with one file, a device registry of three data servers,
 * the layout table, and a recaller that records every callback (the client "answers" at once) and revocation.
 * A subclass builds the provider it tests ({@link #provider}).
 */
abstract class ProviderOverImage {
    static final List<DataServerAddress> THREE = List.of(new DataServerAddress("a", "127.0.0.1", 2050),
            new DataServerAddress("b", "127.0.0.1", 2051), new DataServerAddress("c", "10.0.0.3", 2052));

    @TempDir
    Path dir;
    private FileBlockDevice device;
    private LocalLockModule locks;
    FileSystem fs;
    final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    final LayoutStateTable table = new LayoutStateTable();
    final List<String> callbacks = new CopyOnWriteArrayList<>();
    final List<Inode> revoked = new CopyOnWriteArrayList<>();
    DeviceRegistry devices;
    FilesLayoutProvider provider;
    InodeId file;

    /** The provider under test, over {@link #fs}, {@link #table} and {@link #devices}, revoking into {@link #revoked}. */
    abstract FilesLayoutProvider provider();

    /** The owner uid and gid of the test file. */
    abstract int[] fileOwner();

    /** The line a CB_NOTIFY_DEVICEID leaves in {@link #callbacks}. */
    abstract String notifyLine(long clientId, int layoutType, boolean deleted, DeviceId id);

    @BeforeEach
    void mount() throws Exception {
        Path image = dir.resolve("disk.img");
        try (FileBlockDevice d = FileBlockDevice.create(image, 64L << 20)) {
            Mkfs.format(d, MkfsOptions.defaults("test:provider").withJournals(2, 256).withRgrpBlocks(2048));
        }
        device = FileBlockDevice.open(image);
        locks = new LocalLockModule();
        fs = FileSystems.mount(device, MountOptions.of(0, locks).withClock(Clock.systemUTC()));
        int[] owner = fileOwner();
        file = fs.create(fs.root(), "f", 0644, owner[0], owner[1]).id();
        devices = new DeviceRegistry(9, THREE);
        provider = provider();
        provider.attach(new RecordingRecaller());
    }

    @AfterEach
    void unmount() throws Exception {
        scheduler.shutdownNow();
        fs.close();
        locks.close();
        device.close();
    }

    Inode inode() {
        return new Inode(file.number(), file.generation());
    }

    byte[] handle() {
        return new FileHandle(0, 1, inode()).toBytes();
    }

    /** Records callbacks; the client "answers" every callback at once. */
    private final class RecordingRecaller implements LayoutRecaller {
        @Override
        public CompletionStage<Void> recallFile(long clientId, Inode inode, LayoutIoMode ioMode, long offset,
                                                long length) {
            table.beginRecall(clientId, inode);
            callbacks.add("recall " + clientId + " " + inode);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Void> recallAll(long clientId, int layoutType) {
            callbacks.add("recall all " + clientId);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Void> notifyDeviceChange(long clientId, int layoutType, DeviceId id,
                                                        boolean deleted) {
            callbacks.add(notifyLine(clientId, layoutType, deleted, id));
            return CompletableFuture.completedFuture(null);
        }
    }
}
