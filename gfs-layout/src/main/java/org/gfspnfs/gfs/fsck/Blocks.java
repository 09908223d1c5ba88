package org.gfspnfs.gfs.fsck;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gfspnfs.gfs.device.BlockDevice;
import org.gfspnfs.gfs.format.Meta;
import org.gfspnfs.gfs.format.MetaType;

/**
 * Metadata block access for fsck: bounded reads (every address is checked against the filesystem size before it
 * is read), a small cache, and the blocks repairs changed, sealed and written back at the end.
 */
final class Blocks {
    private static final int CACHE = 4096;
    private final BlockDevice device;
    private final int blockSize;
    private final long total;
    private final Map<Long, byte[]> dirty = new LinkedHashMap<>();
    private final Map<Long, byte[]> clean = new LinkedHashMap<>(CACHE, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, byte[]> e) {
            return size() > CACHE;
        }
    };

    Blocks(BlockDevice device, int blockSize, long total) {
        this.device = device;
        this.blockSize = blockSize;
        this.total = Math.min(total, device.size() / blockSize);
    }

    int blockSize() {
        return blockSize;
    }

    long total() {
        return total;
    }

    boolean contains(long addr) {
        return addr >= 0 && addr < total;
    }

    /** The block's current contents (changes made by repairs included); callers that change it call put. */
    byte[] read(long addr) throws IOException {
        if (!contains(addr)) {
            throw new IOException("block " + addr + " is outside the filesystem (" + total + " blocks)");
        }
        byte[] b = dirty.get(addr);
        if (b == null) {
            b = clean.get(addr);
        }
        if (b == null) {
            b = new byte[blockSize];
            device.read(addr * blockSize, ByteBuffer.wrap(b));
            clean.put(addr, b);
        }
        return b;
    }

    /** Marks a block changed by a repair; it is sealed and written by {@link #writeBack}. */
    void put(long addr, byte[] data) {
        clean.remove(addr);
        dirty.put(addr, data);
    }

    /** Seals and writes every changed block, then flushes; returns how many were written. */
    int writeBack() throws IOException {
        for (Map.Entry<Long, byte[]> e : dirty.entrySet()) {
            Meta.seal(e.getValue());
            device.write(e.getKey() * blockSize, ByteBuffer.wrap(e.getValue()));
        }
        device.flush();
        int n = dirty.size();
        dirty.clear();
        return n;
    }

    /** Why {@code block} is not a valid {@code type} block at {@code addr}, or null if it is. */
    static String problem(byte[] block, MetaType type, long addr) {
        ByteBuffer b = ByteBuffer.wrap(block);
        if (b.getInt(0) != Meta.MAGIC) {
            return "not a metadata block (bad magic), expected " + type;
        }
        MetaType t = MetaType.of(b.getShort(Meta.OFF_TYPE));
        if (t != type) {
            return "block type " + (t == null ? "code " + b.getShort(Meta.OFF_TYPE) : t) + ", expected " + type;
        }
        if (b.getLong(Meta.OFF_ADDR) != addr) {
            return "header claims block " + b.getLong(Meta.OFF_ADDR) + " (misdirected write)";
        }
        if (b.getInt(Meta.OFF_CRC) != Meta.crc(block)) {
            return type + " checksum mismatch";
        }
        return null;
    }
}
