package org.gfspnfs.gfs.dump;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.gfspnfs.gfs.device.BlockDevice;
import org.gfspnfs.gfs.format.Meta;
import org.gfspnfs.gfs.format.MetaType;

/** Bounded raw block reads for dump, and a one-word verdict on a metadata block. */
final class DumpReader {
    private final BlockDevice device;
    private final int blockSize;
    private final long blocks;

    DumpReader(BlockDevice device, int blockSize, long totalBlocks) {
        this.device = device;
        this.blockSize = blockSize;
        this.blocks = Math.min(totalBlocks, device.size() / blockSize);
    }

    BlockDevice device() {
        return device;
    }

    int blockSize() {
        return blockSize;
    }

    long blocks() {
        return blocks;
    }

    boolean contains(long addr) {
        return addr >= 0 && addr < blocks;
    }

    byte[] read(long addr) throws IOException {
        if (!contains(addr)) {
            throw new IOException("block " + addr + " is outside the filesystem (" + blocks + " blocks)");
        }
        byte[] b = new byte[blockSize];
        device.read(addr * blockSize, ByteBuffer.wrap(b));
        return b;
    }

    /** "ok", or what is wrong with the block as a {@code type} block at {@code addr}. */
    static String status(byte[] b, MetaType type, long addr) {
        ByteBuffer bb = ByteBuffer.wrap(b);
        if (bb.getInt(0) != Meta.MAGIC) {
            return "BAD MAGIC";
        }
        if (bb.getShort(Meta.OFF_TYPE) != type.code()) {
            MetaType t = MetaType.of(bb.getShort(Meta.OFF_TYPE));
            return "WRONG TYPE " + (t == null ? bb.getShort(Meta.OFF_TYPE) : t) + " (expected " + type + ")";
        }
        if (bb.getLong(Meta.OFF_ADDR) != addr) {
            return "MISDIRECTED (claims block " + bb.getLong(Meta.OFF_ADDR) + ")";
        }
        if (bb.getInt(Meta.OFF_CRC) != Meta.crc(b)) {
            return String.format("CRC MISMATCH (stored %08x, computed %08x)", bb.getInt(Meta.OFF_CRC), Meta.crc(b));
        }
        return "ok";
    }
}
