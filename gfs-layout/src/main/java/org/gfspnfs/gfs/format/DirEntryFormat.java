package org.gfspnfs.gfs.format;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * Packed directory entries (FORMAT.md "Directories"): hash, sequence, inode, generation, type, name.
 * Also defines the name hash and the readdir cookie.
 */
public final class DirEntryFormat {
    public static final int FIXED = 26;
    public static final int MIN_SEQ = 3;

    private DirEntryFormat() {
    }

    /** A decoded entry; {@code offset} is where it starts in its block. */
    public record Entry(int hash, int seq, long ino, long gen, int type, byte[] name, int offset) {
        public int size() {
            return FIXED + name.length;
        }

        public long cookie() {
            return DirEntryFormat.cookie(hash, seq);
        }

        public String nameString() {
            return new String(name, StandardCharsets.UTF_8);
        }
    }

    /** murmur3 fmix32 of CRC32C: CRC alone spreads the top bits poorly for the hash-table index. */
    public static int hash(byte[] name) {
        CRC32C c = new CRC32C();
        c.update(name);
        int h = (int) c.getValue();
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    /** Unsigned {@code hash << 32 | seq}. */
    public static long cookie(int hash, int seq) {
        return ((hash & 0xffffffffL) << 32) | (seq & 0xffffffffL);
    }

    public static int size(byte[] name) {
        return FIXED + name.length;
    }

    /** The name length byte of the entry at {@code off}, as stored (not yet checked against the block). */
    public static int nameLength(byte[] block, int off) {
        return block[off + 25] & 0xff;
    }

    public static Entry read(byte[] block, int off) {
        ByteBuffer b = ByteBuffer.wrap(block);
        int len = block[off + 25] & 0xff;
        byte[] name = new byte[len];
        b.get(off + FIXED, name);
        return new Entry(b.getInt(off), b.getInt(off + 4), b.getLong(off + 8), b.getLong(off + 16),
                block[off + 24] & 0xff, name, off);
    }

    public static void write(byte[] block, int off, Entry e) {
        ByteBuffer b = ByteBuffer.wrap(block);
        b.putInt(off, e.hash()).putInt(off + 4, e.seq()).putLong(off + 8, e.ino()).putLong(off + 16, e.gen());
        block[off + 24] = (byte) e.type();
        block[off + 25] = (byte) e.name().length;
        b.put(off + FIXED, e.name());
    }
}
