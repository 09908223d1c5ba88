package org.gfspnfs.gfs.format;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32C;
import org.gfspnfs.gfs.CorruptionException;

/**
 * The 24-byte header every metadata block starts with, and its CRC32C: blocks are sealed before they are written
 * and verified when read, so corruption is reported instead of followed.
 */
public final class Meta {
    public static final int MAGIC = 0x47465350;
    public static final int HEADER_SIZE = 24;
    public static final int OFF_TYPE = 4;
    public static final int OFF_VERSION = 6;
    public static final int OFF_ADDR = 8;
    public static final int OFF_CRC = 16;

    private Meta() {
    }

    /** Zeroes {@code block} and writes a header of {@code type} for home address {@code addr}. */
    public static void init(byte[] block, MetaType type, long addr) {
        Arrays.fill(block, (byte) 0);
        ByteBuffer b = ByteBuffer.wrap(block);
        b.putInt(0, MAGIC);
        b.putShort(OFF_TYPE, (short) type.code());
        b.putShort(OFF_VERSION, (short) 1);
        b.putLong(OFF_ADDR, addr);
    }

    /** Computes and stores the block CRC; call last, just before the block is written. */
    public static void seal(byte[] block) {
        ByteBuffer.wrap(block).putInt(OFF_CRC, crc(block));
    }

    /** CRC32C of the block with the CRC field taken as zero. */
    public static int crc(byte[] block) {
        CRC32C c = new CRC32C();
        c.update(block, 0, OFF_CRC);
        c.update(new byte[4], 0, 4);
        c.update(block, OFF_CRC + 4, block.length - OFF_CRC - 4);
        return (int) c.getValue();
    }

    /** The type stored in the header, or null if the block is not metadata. */
    public static MetaType typeOf(byte[] block) {
        ByteBuffer b = ByteBuffer.wrap(block);
        return b.getInt(0) == MAGIC ? MetaType.of(b.getShort(OFF_TYPE)) : null;
    }

    /** Whether magic, type, address and CRC all match. */
    public static boolean isValid(byte[] block, MetaType type, long addr) {
        ByteBuffer b = ByteBuffer.wrap(block);
        return b.getInt(0) == MAGIC && b.getShort(OFF_TYPE) == type.code() && b.getLong(OFF_ADDR) == addr
                && b.getInt(OFF_CRC) == crc(block);
    }

    /** Throws {@link CorruptionException} naming what is wrong unless the block is a valid {@code type} at addr. */
    public static void verify(byte[] block, MetaType type, long addr) throws CorruptionException {
        ByteBuffer b = ByteBuffer.wrap(block);
        if (b.getInt(0) != MAGIC) {
            throw new CorruptionException("block " + addr + ": bad magic, expected " + type);
        }
        if (b.getShort(OFF_TYPE) != type.code()) {
            throw new CorruptionException("block " + addr + ": type " + b.getShort(OFF_TYPE) + ", expected " + type);
        }
        if (b.getLong(OFF_ADDR) != addr) {
            throw new CorruptionException("block " + addr + ": claims to be block " + b.getLong(OFF_ADDR));
        }
        if (b.getInt(OFF_CRC) != crc(block)) {
            throw new CorruptionException("block " + addr + " (" + type + "): checksum mismatch");
        }
    }
}
