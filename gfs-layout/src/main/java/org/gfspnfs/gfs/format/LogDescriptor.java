package org.gfspnfs.gfs.format;

import java.nio.ByteBuffer;

/** A journal descriptor block (type LD): metadata block list or revoke list, see FORMAT.md "Journal". */
public record LogDescriptor(long seq, int kind, long[] addresses) {
    public static final int METADATA = 1;
    public static final int REVOKE = 2;
    public static final int ADDR_OFFSET = 48;

    /** How many addresses fit in one descriptor block. */
    public static int capacity(int blockSize) {
        return (blockSize - ADDR_OFFSET) / 8;
    }

    public byte[] encode(int blockSize, long addr) {
        byte[] block = new byte[blockSize];
        Meta.init(block, MetaType.LD, addr);
        ByteBuffer b = ByteBuffer.wrap(block).putLong(24, seq).putInt(32, kind).putInt(36, addresses.length);
        for (int i = 0; i < addresses.length; i++) {
            b.putLong(ADDR_OFFSET + 8 * i, addresses[i]);
        }
        Meta.seal(block);
        return block;
    }

    public static LogDescriptor decode(byte[] block) {
        ByteBuffer b = ByteBuffer.wrap(block);
        int n = b.getInt(36);
        long[] a = new long[Math.max(0, Math.min(n, capacity(block.length)))];
        for (int i = 0; i < a.length; i++) {
            a[i] = b.getLong(ADDR_OFFSET + 8 * i);
        }
        return new LogDescriptor(b.getLong(24), b.getInt(32), a);
    }
}
