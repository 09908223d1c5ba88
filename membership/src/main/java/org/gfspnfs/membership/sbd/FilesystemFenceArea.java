package org.gfspnfs.membership.sbd;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;
import java.util.zip.CRC32C;

/**
 * Finds the disk-fencing area that gfs-layout's mkfs reserves inside the filesystem device, from the superblock
 * fields gfs-layout FORMAT.md documents (compat flag FENCE_AREA): magic "GFSP" and type SB at 0 and 4, block size at
 * 28, flags at 200 (bit 0), area length in blocks at 204, first block at 208, and the block's CRC32C at 16 (computed
 * with those 4 bytes as zero). Membership reads these few fields itself rather than depending on gfs-layout (the
 * module table of DESIGN.md); {@code FilesystemFenceAreaTest} checks them against a real mkfs.
 */
final class FilesystemFenceArea {
    private static final int MAGIC = 0x47465350;
    private static final short TYPE_SB = 1;
    private static final int FLAG_FENCE_AREA = 1;
    private static final int OFF_CRC = 16;
    private static final int MIN_BLOCK = 512;
    private static final int MAX_BLOCK = 65536;

    private FilesystemFenceArea() {
    }

    /**
     * The byte offset of the fence area in {@code device}; empty when the device holds no gfs-layout superblock
     * (not formatted, or not there) or a superblock without the area (an image made before it existed).
     *
     * @throws IOException when the device cannot be read, or its superblock claims an area but fails its checksum or
     *                     describes an impossible one: fencing must not guess where the other nodes look
     */
    static OptionalLong offset(Path device) throws IOException {
        if (!Files.exists(device)) {
            return OptionalLong.empty();
        }
        try (FileChannel channel = FileChannel.open(device, StandardOpenOption.READ)) {
            ByteBuffer head = read(channel, MIN_BLOCK);
            if (head == null || head.getInt(0) != MAGIC || head.getShort(4) != TYPE_SB) {
                return OptionalLong.empty();
            }
            int bs = head.getInt(28);
            if (bs < MIN_BLOCK || bs > MAX_BLOCK || Integer.bitCount(bs) != 1) {
                throw new IOException(device + ": superblock with an invalid block size " + bs);
            }
            ByteBuffer block = read(channel, bs);
            if (block == null || block.getInt(OFF_CRC) != crc(block)) {
                throw new IOException(device + ": superblock checksum mismatch; not guessing where the fence area is");
            }
            if ((block.getInt(200) & FLAG_FENCE_AREA) == 0) {
                return OptionalLong.empty();
            }
            long blocks = Integer.toUnsignedLong(block.getInt(204));
            long start = block.getLong(208);
            long offset = start * bs;
            if (start < 1 || blocks * bs < PoisonPillArea.AREA_SIZE || offset % PoisonPillArea.SLOT_SIZE != 0) {
                throw new IOException(device + ": superblock fence area of " + blocks + " blocks at block " + start
                        + " cannot hold the " + PoisonPillArea.AREA_SIZE + "-byte area 4 KiB aligned");
            }
            return OptionalLong.of(offset);
        }
    }

    /** The first {@code n} bytes, or null if the device is shorter. */
    private static ByteBuffer read(FileChannel channel, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n);
        while (b.hasRemaining()) {
            if (channel.read(b, b.position()) < 0) {
                return null;
            }
        }
        return b.flip();
    }

    private static int crc(ByteBuffer block) {
        byte[] b = block.array();
        CRC32C c = new CRC32C();
        c.update(b, 0, OFF_CRC);
        c.update(new byte[4], 0, 4);
        c.update(b, OFF_CRC + 4, b.length - OFF_CRC - 4);
        return (int) c.getValue();
    }
}
