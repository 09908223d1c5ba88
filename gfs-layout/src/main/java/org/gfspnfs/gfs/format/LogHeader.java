package org.gfspnfs.gfs.format;

import java.nio.ByteBuffer;

/** A journal commit block (type LH), see FORMAT.md "Journal". */
public record LogHeader(long seq, int flags, int bodyBlocks, long startPos, long tailSeq, long tailPos, int bodyCrc,
                        long timeMillis) {
    public static final int FLAG_CLEAN = 1;

    public boolean clean() {
        return (flags & FLAG_CLEAN) != 0;
    }

    /** Encodes as a sealed block for home (journal) address {@code addr}. */
    public byte[] encode(int blockSize, long addr) {
        byte[] block = new byte[blockSize];
        Meta.init(block, MetaType.LH, addr);
        ByteBuffer.wrap(block).putLong(24, seq).putInt(32, flags).putInt(36, bodyBlocks).putLong(40, startPos)
                .putLong(48, tailSeq).putLong(56, tailPos).putInt(64, bodyCrc).putLong(72, timeMillis);
        Meta.seal(block);
        return block;
    }

    /** Decodes a block already known to be a valid LH. */
    public static LogHeader decode(byte[] block) {
        ByteBuffer b = ByteBuffer.wrap(block);
        return new LogHeader(b.getLong(24), b.getInt(32), b.getInt(36), b.getLong(40), b.getLong(48), b.getLong(56),
                b.getInt(64), b.getLong(72));
    }
}
