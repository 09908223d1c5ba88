package org.gfspnfs.gfs.fsck;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.gfspnfs.gfs.device.BlockDevice;
import org.gfspnfs.gfs.device.MemoryBlockDevice;
import org.gfspnfs.gfs.format.Meta;

/** Raw block surgery for tests: damage that still passes the checksum (a bug's write), or a crash copy. */
public final class Raw {
    private Raw() {
    }

    public static byte[] read(BlockDevice dev, long block) throws IOException {
        byte[] b = new byte[Images.BS];
        dev.read(block * Images.BS, ByteBuffer.wrap(b));
        return b;
    }

    /** Changes a metadata block and reseals it, so only the semantic damage remains. */
    public static void edit(BlockDevice dev, long block, Consumer<ByteBuffer> change) throws IOException {
        byte[] b = read(dev, block);
        change.accept(ByteBuffer.wrap(b));
        Meta.seal(b);
        dev.write(block * Images.BS, ByteBuffer.wrap(b));
    }

    /** The device as it is now, as a separate device (what survives a crash of a MemoryBlockDevice). */
    public static MemoryBlockDevice copy(MemoryBlockDevice dev) throws IOException {
        byte[] img = dev.snapshot();
        MemoryBlockDevice c = new MemoryBlockDevice(img.length);
        c.write(0, ByteBuffer.wrap(img));
        return c;
    }
}
