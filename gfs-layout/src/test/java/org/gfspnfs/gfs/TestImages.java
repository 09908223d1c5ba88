package org.gfspnfs.gfs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;
import org.gfspnfs.gfs.device.FileBlockDevice;
import org.gfspnfs.gfs.device.MemoryBlockDevice;
import org.gfspnfs.gfs.lock.LocalLockModule;

/** Small formatted images for tests. */
final class TestImages {
    private TestImages() {
    }

    static MkfsOptions small(int blockSize) {
        return new MkfsOptions(blockSize, 2, 256, 1024, "test:fs", "t", UUID.randomUUID());
    }

    static MemoryBlockDevice formatted(int sizeBytes, MkfsOptions o) throws IOException {
        MemoryBlockDevice d = new MemoryBlockDevice(sizeBytes);
        Mkfs.format(d, o);
        return d;
    }

    /** A 32 MiB image file at {@code path}, two journals, 4 KiB blocks, resource groups of 512 blocks. */
    static FileBlockDevice formattedFile(Path path) throws IOException {
        FileBlockDevice dev = FileBlockDevice.create(path, 32 << 20);
        Mkfs.format(dev, small(4096).withRgrpBlocks(512));
        return dev;
    }

    static FileSystem mount(MemoryBlockDevice d, int jid, LocalLockModule locks) throws GfsException {
        return FileSystems.mount(d, MountOptions.of(jid, locks));
    }
}
