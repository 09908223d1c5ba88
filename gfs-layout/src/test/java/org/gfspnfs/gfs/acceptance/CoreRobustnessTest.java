package org.gfspnfs.gfs.acceptance;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.gfspnfs.gfs.CorruptionException;
import org.gfspnfs.gfs.InodeId;
import org.gfspnfs.gfs.StaleHandleException;
import org.gfspnfs.gfs.device.MemoryBlockDevice;
import org.gfspnfs.gfs.fsck.Images;
import org.gfspnfs.gfs.fsck.Raw;
import org.junit.jupiter.api.Test;

/**
 * A dinode whose checksum is valid but whose fields are impossible (a bug's write, or a block fsck has not seen
 * yet) must make the operation fail with EIO ({@link CorruptionException}), never with a runtime exception that
 * escapes the {@code FileSystem} API. Found by {@code CorruptionTest}'s resealed-garbage fuzzing; see
 * /work/helpers/gfs-requests.md.
 */
class CoreRobustnessTest {

    @Test
    void stuffedFileClaimingMoreBytesThanTheDinodeHolds_readFailsWithEio() throws Exception {
        MemoryBlockDevice dev = Images.formatted();
        Images.Tree t;
        try (Images.Mounted m = Images.mount(dev)) {
            t = Images.populate(m.fs());
        }
        Raw.edit(dev, t.small().number(), b -> b.putLong(56, 1 << 20));

        try (Images.Mounted m = Images.mount(dev)) {
            assertThatThrownBy(() -> m.fs().read(t.small(), 0, ByteBuffer.allocate(1 << 20)))
                    .isInstanceOf(CorruptionException.class);
        }
    }

    @Test
    void dinodeWithAnUnrepresentableTimestamp_getattrFailsWithEio() throws Exception {
        MemoryBlockDevice dev = Images.formatted();
        Images.Tree t;
        try (Images.Mounted m = Images.mount(dev)) {
            t = Images.populate(m.fs());
        }
        Raw.edit(dev, t.small().number(), b -> b.putLong(80, Long.MAX_VALUE));

        try (Images.Mounted m = Images.mount(dev)) {
            assertThatThrownBy(() -> m.fs().getattr(t.small())).isInstanceOf(CorruptionException.class);
        }
    }

    @Test
    void directoryEntryWhoseNameRunsPastTheBlock_readdirFailsWithEio() throws Exception {
        MemoryBlockDevice dev = Images.formatted();
        Images.Tree t;
        try (Images.Mounted m = Images.mount(dev)) {
            t = Images.populate(m.fs());
        }
        // "dir" is stuffed with "many", "small", "empty" (entries at 160, 190, 221). Stretch the third name and
        // chain two more 255-byte names after it: the fifth starts at 783 and its name would end at 1064 > 1024.
        Raw.edit(dev, t.dir().number(), b -> {
            b.put(221 + 25, (byte) 255);
            b.put(502 + 25, (byte) 255);
            b.put(783 + 25, (byte) 255);
            b.putInt(132, 5);
        });

        try (Images.Mounted m = Images.mount(dev)) {
            assertThatThrownBy(() -> m.fs().readdir(t.dir(), 0, 100)).isInstanceOf(CorruptionException.class);
        }
    }

    @Test
    void handleNamingABlockFarBeyondTheDevice_isStale_notAnIndexError() throws Exception {
        MemoryBlockDevice dev = Images.formatted();
        try (Images.Mounted m = Images.mount(dev)) {
            // An NFS client can send any filehandle; (2^41 + 5000) / 1024 blocks per group overflows an int index.
            assertThatThrownBy(() -> m.fs().getattr(new InodeId((1L << 41) + 5000, 1)))
                    .isInstanceOf(StaleHandleException.class);
        }
    }
}
