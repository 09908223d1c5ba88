package org.gfspnfs.bench.gfs;

import java.io.IOException;
import java.nio.file.Path;
import org.gfspnfs.gfs.FileSystem;
import org.gfspnfs.gfs.FileSystems;
import org.gfspnfs.gfs.Mkfs;
import org.gfspnfs.gfs.MkfsOptions;
import org.gfspnfs.gfs.MountOptions;
import org.gfspnfs.gfs.device.FileBlockDevice;
import org.gfspnfs.gfs.lock.LocalLockModule;

/** A formatted image file mounted on one node with the local lock module; closing unmounts and closes all. */
final class BenchMount implements AutoCloseable {
    final FileBlockDevice device;
    final LocalLockModule locks;
    final FileSystem fs;

    private BenchMount(FileBlockDevice device, LocalLockModule locks, FileSystem fs) {
        this.device = device;
        this.locks = locks;
        this.fs = fs;
    }

    /** Creates a sparse image of {@code bytes} with default mkfs options (4 KiB blocks) and mounts it. */
    static BenchMount fresh(Path image, long bytes) throws IOException {
        FileBlockDevice dev = FileBlockDevice.create(image, bytes);
        Mkfs.format(dev, MkfsOptions.defaults("bench:gfs"));
        return mount(dev);
    }

    /** Mounts an existing image. */
    static BenchMount open(Path image) throws IOException {
        return mount(FileBlockDevice.open(image));
    }

    private static BenchMount mount(FileBlockDevice dev) throws IOException {
        LocalLockModule locks = new LocalLockModule();
        return new BenchMount(dev, locks, FileSystems.mount(dev, MountOptions.of(0, locks)));
    }

    @Override
    public void close() throws IOException {
        try {
            fs.close();
        } finally {
            locks.close();
            device.close();
        }
    }
}
