package org.gfspnfs.gfs;

import java.io.IOException;
import java.util.UUID;
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

    static FileSystem mount(MemoryBlockDevice d, int jid, LocalLockModule locks) throws GfsException {
        return FileSystems.mount(d, MountOptions.of(jid, locks));
    }
}
