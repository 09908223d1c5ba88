package org.gfspnfs.gfs.fsck;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.gfspnfs.gfs.FileSystem;
import org.gfspnfs.gfs.FileSystems;
import org.gfspnfs.gfs.GfsException;
import org.gfspnfs.gfs.InodeId;
import org.gfspnfs.gfs.Mkfs;
import org.gfspnfs.gfs.MkfsOptions;
import org.gfspnfs.gfs.MountOptions;
import org.gfspnfs.gfs.device.BlockDevice;
import org.gfspnfs.gfs.device.MemoryBlockDevice;
import org.gfspnfs.gfs.format.Superblock;
import org.gfspnfs.gfs.lock.LocalLockModule;

/** Small formatted images and a populated tree for the fsck, dump and acceptance tests. */
public final class Images {
    public static final int BS = 1024;

    private Images() {
    }

    /** 8 MiB, 1 KiB blocks, 2 journals of 256 blocks, 1024-block groups. */
    public static MemoryBlockDevice formatted() throws IOException {
        MemoryBlockDevice dev = new MemoryBlockDevice(8 << 20);
        Mkfs.format(dev, options());
        return dev;
    }

    public static MkfsOptions options() {
        return new MkfsOptions(BS, 2, 256, 1024, "test:fs", "img", new UUID(1, 2));
    }

    public static Superblock superblock(BlockDevice dev) throws GfsException {
        return org.gfspnfs.gfs.impl.GfsMounter.readSuperblock(dev);
    }

    /** Mounts journal 0 with its own lock module; closing the returned handle closes both. */
    public static Mounted mount(BlockDevice dev) throws GfsException {
        LocalLockModule locks = new LocalLockModule();
        try {
            return new Mounted(FileSystems.mount(dev, MountOptions.of(0, locks)), locks);
        } catch (GfsException | RuntimeException e) {
            locks.close();
            throw e;
        }
    }

    /** A mount and the lock module it uses. */
    public record Mounted(FileSystem fs, LocalLockModule locks) implements AutoCloseable {
        @Override
        public void close() throws GfsException {
            try {
                fs.close();
            } finally {
                locks.close();
            }
        }
    }

    /** Ids of the populated tree's interesting inodes. */
    public record Tree(InodeId root, InodeId big, InodeId dir, InodeId hashed, InodeId small, InodeId link) {
    }

    /**
     * Populates: a 300 KiB file (indirect blocks), a directory with 200 entries (hash table and leaves), a
     * stuffed file, a hard link, a symlink, and a file with unwritten extents.
     */
    public static Tree populate(FileSystem fs) throws GfsException {
        InodeId root = fs.root();
        InodeId big = fs.create(root, "big", 0644, 0, 0).id();
        byte[] data = new byte[300 * 1024];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31 + 7);
        }
        fs.write(big, 0, ByteBuffer.wrap(data));
        InodeId dir = fs.mkdir(root, "dir", 0755, 0, 0).id();
        InodeId hashed = fs.mkdir(dir, "many", 0755, 0, 0).id();
        for (int i = 0; i < 200; i++) {
            fs.create(hashed, "entry-" + i, 0644, 0, 0);
        }
        InodeId small = fs.create(dir, "small", 0644, 0, 0).id();
        fs.write(small, 0, ByteBuffer.wrap("hello".getBytes(StandardCharsets.UTF_8)));
        fs.link(small, root, "small-link");
        InodeId link = fs.symlink(root, "sym", "dir/small", 0, 0).id();
        InodeId unw = fs.create(root, "unwritten", 0644, 0, 0).id();
        fs.allocateUnwritten(unw, 0, 64 * 1024);
        fs.mkdir(dir, "empty", 0700, 0, 0);
        return new Tree(root, big, dir, hashed, small, link);
    }

    /** Flips one byte of block {@code block} at {@code offset}. */
    public static void flip(BlockDevice dev, long block, int offset) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(1);
        long pos = block * BS + offset;
        dev.read(pos, b);
        b.flip();
        byte v = (byte) (b.get(0) ^ 0x5a);
        dev.write(pos, ByteBuffer.wrap(new byte[] {v}));
    }
}
