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
            Entry e = DirEntryFormat.read(data, off);
            if (e.name().length == 0 || off + e.size() > data.length) {
                throw new CorruptionException("directory entry at " + off + " is malformed");
            }
            out.add(e);
            off += e.size();
        }
        return out;
    }

    int used() throws CorruptionException {
        int off = start;
        for (Entry e : entries()) {
            off += e.size();
        }
        return off;
    }

    boolean fits(int entrySize) throws CorruptionException {
        return used() + entrySize <= data.length;
    }

    Entry find(byte[] name, int hash) throws CorruptionException {
        for (Entry e : entries()) {
            if (e.hash() == hash && java.util.Arrays.equals(e.name(), name)) {
                return e;
            }
        }
        return null;
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
