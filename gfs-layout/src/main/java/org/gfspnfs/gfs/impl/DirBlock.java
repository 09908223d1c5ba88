package org.gfspnfs.gfs.impl;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.gfspnfs.gfs.CorruptionException;
import org.gfspnfs.gfs.format.DirEntryFormat;
import org.gfspnfs.gfs.format.DirEntryFormat.Entry;

/**
 * A run of packed directory entries inside a block: the dinode's content area (stuffed directory) or a leaf.
 * Entries are kept packed from {@code start}; removal moves the following ones down.
 */
final class DirBlock {
    static final int LEAF_ENTRIES = 40;
    private final byte[] data;
    private final int start;
    private int count;

    DirBlock(byte[] data, int start, int count) {
        this.data = data;
        this.start = start;
        this.count = count;
    }

    static DirBlock leaf(byte[] data) {
        return new DirBlock(data, LEAF_ENTRIES, ByteBuffer.wrap(data).getShort(26) & 0xffff);
    }

    static int leafDepth(byte[] leaf) {
        return ByteBuffer.wrap(leaf).getShort(24) & 0xffff;
    }

    static void setLeafDepth(byte[] leaf, int depth) {
        ByteBuffer.wrap(leaf).putShort(24, (short) depth);
    }

    static long leafNext(byte[] leaf) {
        return ByteBuffer.wrap(leaf).getLong(32);
    }

    static void setLeafNext(byte[] leaf, long next) {
        ByteBuffer.wrap(leaf).putLong(32, next);
    }

    int count() {
        return count;
    }

    /** Writes the count back into a leaf header. */
    void storeLeafCount() {
        ByteBuffer.wrap(data).putShort(26, (short) count);
    }

    List<Entry> entries() throws CorruptionException {
        List<Entry> out = new ArrayList<>(count);
        int off = start;
        for (int i = 0; i < count; i++) {
            if (off + DirEntryFormat.FIXED > data.length) {
                throw new CorruptionException("directory entries run past the end of their block");
            }
            // The name length is read from disk: check the whole entry fits before copying the name out.
            if (off + DirEntryFormat.FIXED + DirEntryFormat.nameLength(data, off) > data.length) {
                throw new CorruptionException("directory entry at " + off + " runs past the end of its block");
            }
            Entry e = DirEntryFormat.read(data, off);
            if (e.name().length == 0 || off + e.size() > data.length) {
                throw new CorruptionException("directory entry at " + off + " is malformed");
            }
            out.add(e);
            off += e.size();
        }
        return out;
    }

    /**
     * Offset just past the entry at {@code off}, with the bounds checks of {@link #entries()} but decoding nothing:
     * lookups and inserts scan whole leaves, and copying every name out dominated their cost.
     */
    private int next(int off) throws CorruptionException {
        if (off + DirEntryFormat.FIXED > data.length) {
            throw new CorruptionException("directory entries run past the end of their block");
        }
        int len = DirEntryFormat.nameLength(data, off);
        if (off + DirEntryFormat.FIXED + len > data.length) {
            throw new CorruptionException("directory entry at " + off + " runs past the end of its block");
        }
        if (len == 0) {
            throw new CorruptionException("directory entry at " + off + " is malformed");
        }
        return off + DirEntryFormat.FIXED + len;
    }

    int used() throws CorruptionException {
        int off = start;
        for (int i = 0; i < count; i++) {
            off = next(off);
        }
        return off;
    }

    boolean fits(int entrySize) throws CorruptionException {
        return used() + entrySize <= data.length;
    }

    Entry find(byte[] name, int hash) throws CorruptionException {
        ByteBuffer b = ByteBuffer.wrap(data);
        int off = start;
        for (int i = 0; i < count; i++) {
            int end = next(off);
            int nameOff = off + DirEntryFormat.FIXED;
            if (b.getInt(off) == hash && end - nameOff == name.length
                    && java.util.Arrays.equals(data, nameOff, end, name, 0, name.length)) {
                return DirEntryFormat.read(data, off);
            }
            off = end;
        }
        return null;
    }

    /** The sequence number a new entry with {@code hash} gets: one past every entry here with the same hash. */
    int nextSeq(int hash) throws CorruptionException {
        ByteBuffer b = ByteBuffer.wrap(data);
        int seq = DirEntryFormat.MIN_SEQ;
        int off = start;
        for (int i = 0; i < count; i++) {
            int end = next(off);
            if (b.getInt(off) == hash && b.getInt(off + 4) >= seq) {
                seq = b.getInt(off + 4) + 1;
            }
            off = end;
        }
        return seq;
    }

    void append(Entry e) throws CorruptionException {
        DirEntryFormat.write(data, used(), e);
        count++;
    }

    void remove(Entry e) throws CorruptionException {
        int end = used();
        int from = e.offset() + e.size();
        System.arraycopy(data, from, data, e.offset(), end - from);
        java.util.Arrays.fill(data, end - e.size(), end, (byte) 0);
        count--;
    }

    /** Empties the run (entries moved elsewhere). */
    void clear() throws CorruptionException {
        java.util.Arrays.fill(data, start, used(), (byte) 0);
        count = 0;
    }
}
