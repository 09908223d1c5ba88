package org.gfspnfs.mds.vfs;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

import org.gfspnfs.gfs.FileSystem;
import org.gfspnfs.gfs.FileSystems;
import org.gfspnfs.gfs.Mkfs;
import org.gfspnfs.gfs.MkfsOptions;
import org.gfspnfs.gfs.MountOptions;
import org.gfspnfs.gfs.device.FileBlockDevice;
import org.gfspnfs.gfs.lock.LocalLockModule;

/** A small real image file, formatted once, that a test mounts, unmounts and mounts again. */
final class GfsImage implements AutoCloseable {
    private final Path file;
    private FileBlockDevice device;
    private LocalLockModule locks;
    private FileSystem fs;
    private GfsVirtualFileSystem vfs;

    private GfsImage(Path file) {
        this.file = file;
    }

    static GfsImage format(Path dir) throws IOException {
        Path file = dir.resolve("disk.img");
        try (FileBlockDevice d = FileBlockDevice.create(file, 64L << 20)) {
            Mkfs.format(d, MkfsOptions.defaults("test:gfs0").withJournals(2, 256).withRgrpBlocks(2048));
        }
        return new GfsImage(file);
    }

    GfsVirtualFileSystem mount() throws IOException {
        return mount(LayoutInvalidation.NONE);
    }

    GfsVirtualFileSystem mount(LayoutInvalidation layouts) throws IOException {
        device = FileBlockDevice.open(file);
        locks = new LocalLockModule();
        fs = FileSystems.mount(device, MountOptions.of(0, locks).withClock(Clock.systemUTC()));
        vfs = new GfsVirtualFileSystem(fs, Clock.systemUTC(), layouts);
        return vfs;
    }

    FileSystem fs() {
        return fs;
    }

    /** Clean unmount: open holds released, journal committed and marked clean. */
    void unmount() throws Exception {
        if (vfs != null) {
            vfs.close();
            fs.close();
            locks.close();
            device.close();
            vfs = null;
        }
    }

    GfsVirtualFileSystem remount() throws Exception {
        unmount();
        return mount();
    }

    @Override
    public void close() throws Exception {
        unmount();
    }
}
