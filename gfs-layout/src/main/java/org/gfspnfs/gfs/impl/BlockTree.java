package org.gfspnfs.gfs.impl;

import java.nio.ByteBuffer;
import java.util.List;
import org.gfspnfs.gfs.CorruptionException;
import org.gfspnfs.gfs.FileTooLargeException;
import org.gfspnfs.gfs.GfsException;
import org.gfspnfs.gfs.format.BlockState;
import org.gfspnfs.gfs.format.DinodeBlock;
import org.gfspnfs.gfs.format.Meta;
import org.gfspnfs.gfs.format.MetaType;

/**
 * The GFS2-style metadata tree that maps an inode's logical blocks to device blocks (FORMAT.md "Block tree"):
 * pointers in the dinode, then {@code height-1} levels of indirect blocks. Pointer bit 63 marks an unwritten block.
 */
final class BlockTree {
    static final long UNWRITTEN = 1L << 63;
    static final long ADDR_MASK = (1L << 56) - 1;
    private static final int MAX_HEIGHT = 10;

    /** Receives each mapped logical block in order. */
    interface Visitor {
        void visit(long lblk, long ptr) throws GfsException;
    }

    private final int blockSize;
    private final int dinodePtrs;
    private final int indirectPtrs;

    BlockTree(int blockSize) {
        this.blockSize = blockSize;
        this.dinodePtrs = (blockSize - DinodeBlock.CONTENT) / 8;
        this.indirectPtrs = (blockSize - Meta.HEADER_SIZE) / 8;
    }

    int indirectPtrs() {
        return indirectPtrs;
    }

    /** Logical blocks a tree of {@code height} can address (saturating). */
    long capacity(int height) {
        if (height == 0) {
            return 0;
        }
        long c = dinodePtrs;
        for (int i = 1; i < height; i++) {
            if (c > Long.MAX_VALUE / indirectPtrs) {
                return Long.MAX_VALUE;
            }
            c *= indirectPtrs;
        }
        return c;
    }

    /** Blocks covered by one pointer at {@code level} (0 = dinode) of a tree of {@code height}. */
    private long span(int height, int level) {
        long s = 1;
        for (int i = level + 1; i < height; i++) {
            s *= indirectPtrs;
        }
        return s;
    }

    /** Height needed to address logical block {@code lblk}. */
    int heightFor(long lblk) throws FileTooLargeException {
        for (int h = 1; h <= MAX_HEIGHT; h++) {
            if (capacity(h) > lblk) {
                return h;
            }
        }
        throw new FileTooLargeException("logical block " + lblk + " is beyond the largest file");
    }

    /** The raw pointer for {@code lblk}, 0 for a hole. */
    long get(Op op, Inode ino, long lblk) throws GfsException {
        int h = ino.d.height();
        if (h == 0 || lblk < 0 || lblk >= capacity(h)) {
            return 0;
        }
        byte[] node = ino.buf.data;
        int off = DinodeBlock.CONTENT;
        for (int level = 0; ; level++) {
            long sp = span(h, level);
            long p = ByteBuffer.wrap(node).getLong(off + 8 * (int) (lblk / sp));
            if (level == h - 1 || p == 0) {
                return p;
            }
            lblk %= sp;
            node = indirect(op, ino, p).data;
            off = Meta.HEADER_SIZE;
        }
    }

    /** Sets the pointer for {@code lblk}, growing the tree and allocating indirect blocks from {@code rg}. */
    void set(Op op, Inode ino, long lblk, long ptr, Rgrp rg) throws GfsException {
        grow(op, ino, heightFor(lblk), rg);
        int h = ino.d.height();
        Buffer node = ino.buf;
        int off = DinodeBlock.CONTENT;
        for (int level = 0; ; level++) {
            long sp = span(h, level);
            int slot = off + 8 * (int) (lblk / sp);
            if (level == h - 1) {
                ByteBuffer.wrap(op.modify(node).data).putLong(slot, ptr);
                return;
            }
            long p = ByteBuffer.wrap(node.data).getLong(slot);
            Buffer child;
            if (p == 0) {
                long addr = op.mount().allocator().allocMeta(op, rg);
                child = op.create(addr, MetaType.IN, ino.glock);
                ByteBuffer.wrap(op.modify(node).data).putLong(slot, addr);
                ino.modify(op).d.setBlocks(ino.d.blocks() + 1);
            } else {
                child = indirect(op, ino, p);
            }
            lblk %= sp;
            node = child;
            off = Meta.HEADER_SIZE;
        }
    }

    /**
     * Sets pointers {@code first .. first+len-1} to {@code phys+i | flags}; walks the tree once per leaf node
     * instead of once per block (the sequential write path).
     */
    void setRun(Op op, Inode ino, long first, long phys, long len, long flags, Rgrp rg) throws GfsException {
        if (len <= 0) {
            return;
        }
        grow(op, ino, heightFor(first + len - 1), rg);
        long done = 0;
        while (done < len) {
            long l = first + done;
            if (ino.d.height() == 1) {
                Buffer node = op.modify(ino.buf);
                int slot = (int) l;
                int n = (int) Math.min(len - done, dinodePtrs - slot);
                ByteBuffer b = ByteBuffer.wrap(node.data);
                for (int i = 0; i < n; i++) {
                    b.putLong(DinodeBlock.CONTENT + 8 * (slot + i), (phys + done + i) | flags);
                }
                done += n;
                continue;
            }
            set(op, ino, l, (phys + done) | flags, rg);
            Buffer leaf = leafNode(op, ino, l);
            int slot = (int) (l % indirectPtrs);
            int n = (int) Math.min(len - done, indirectPtrs - slot);
            ByteBuffer b = ByteBuffer.wrap(leaf.data);
            for (int i = 1; i < n; i++) {
                b.putLong(Meta.HEADER_SIZE + 8 * (slot + i), (phys + done + i) | flags);
            }
            done += n;
        }
    }

    /** The (already modified) lowest indirect block holding the pointer of {@code lblk}; height >= 2. */
    private Buffer leafNode(Op op, Inode ino, long lblk) throws GfsException {
        int h = ino.d.height();
        byte[] node = ino.buf.data;
        int off = DinodeBlock.CONTENT;
        Buffer cur = null;
        for (int level = 0; level < h - 1; level++) {
            long sp = span(h, level);
            long p = ByteBuffer.wrap(node).getLong(off + 8 * (int) (lblk / sp));
            lblk %= sp;
            cur = indirect(op, ino, p);
            node = cur.data;
            off = Meta.HEADER_SIZE;
        }
        return op.modify(cur);
    }

    /** Pointers of {@code [first, first+count)} (0 for holes), count bounded by the caller. */
    long[] mapArray(Op op, Inode ino, long first, int count) throws GfsException {
        long[] out = new long[count];
        forEach(op, ino, first, first + count, (l, p) -> out[(int) (l - first)] = p);
        return out;
    }

    /** Raises the height to at least {@code target}; the old top level moves into a new indirect block. */
    void grow(Op op, Inode ino, int target, Rgrp rg) throws GfsException {
        while (ino.d.height() < target) {
            ino.modify(op);
            int h = ino.d.height();
            if (h == 0 || isEmpty(ino.buf.data, DinodeBlock.CONTENT, dinodePtrs)) {
                ino.d.setHeight(Math.max(h, 1) + (h == 0 ? 0 : 1));
                continue;
            }
            long addr = op.mount().allocator().allocMeta(op, rg);
            Buffer top = op.create(addr, MetaType.IN, ino.glock);
            System.arraycopy(ino.buf.data, DinodeBlock.CONTENT, top.data, Meta.HEADER_SIZE, dinodePtrs * 8);
            java.util.Arrays.fill(ino.buf.data, DinodeBlock.CONTENT, ino.buf.data.length, (byte) 0);
            ByteBuffer.wrap(ino.buf.data).putLong(DinodeBlock.CONTENT, addr);
            ino.d.setHeight(h + 1);
            ino.d.setBlocks(ino.d.blocks() + 1);
        }
    }

    /** Visits every non-zero pointer for logical blocks in {@code [from, to)}, in order. */
    void forEach(Op op, Inode ino, long from, long to, Visitor v) throws GfsException {
        int h = ino.d.height();
        if (h == 0) {
            return;
        }
        walk(op, ino, ino.buf.data, DinodeBlock.CONTENT, dinodePtrs, h, 0, 0, from, Math.min(to, capacity(h)), v);
    }

    private void walk(Op op, Inode ino, byte[] node, int off, int n, int h, int level, long base, long from, long to,
                      Visitor v) throws GfsException {
        long sp = span(h, level);
        int first = (int) Math.max(0, (from - base) / sp);
        ByteBuffer b = ByteBuffer.wrap(node);
        for (int i = first; i < n; i++) {
            long start = base + i * sp;
            if (start >= to) {
                return;
            }
            long p = b.getLong(off + 8 * i);
            if (p == 0) {
                continue;
            }
            if (level == h - 1) {
                v.visit(start, p);
            } else {
                walk(op, ino, indirect(op, ino, p).data, Meta.HEADER_SIZE, indirectPtrs, h, level + 1, start, from,
                        to, v);
            }
        }
    }

    /** The highest mapped logical block, or -1 if none. */
    long lastMapped(Op op, Inode ino) throws GfsException {
        int h = ino.d.height();
        if (h == 0) {
            return -1;
        }
        return last(op, ino, ino.buf.data, DinodeBlock.CONTENT, dinodePtrs, h, 0, 0);
    }

    private long last(Op op, Inode ino, byte[] node, int off, int n, int h, int level, long base)
            throws GfsException {
        long sp = span(h, level);
        ByteBuffer b = ByteBuffer.wrap(node);
        for (int i = n - 1; i >= 0; i--) {
            long p = b.getLong(off + 8 * i);
            if (p == 0) {
                continue;
            }
            if (level == h - 1) {
                return base + i * sp;
            }
            long l = last(op, ino, indirect(op, ino, p).data, Meta.HEADER_SIZE, indirectPtrs, h, level + 1,
                    base + i * sp);
            if (l >= 0) {
                return l;
            }
        }
        return -1;
    }

    /** Plan phase: every block a truncation to {@code from} logical blocks would free (data and indirect). */
    void collectFreed(Op op, Inode ino, long from, List<Long> out) throws GfsException {
        int h = ino.d.height();
        if (h == 0) {
            return;
        }
        collect(op, ino, ino.buf.data, DinodeBlock.CONTENT, dinodePtrs, h, 0, 0, from, out);
    }

    private boolean collect(Op op, Inode ino, byte[] node, int off, int n, int h, int level, long base, long from,
                            List<Long> out) throws GfsException {
        long sp = span(h, level);
        ByteBuffer b = ByteBuffer.wrap(node);
        boolean allFreed = true;
        for (int i = 0; i < n; i++) {
            long start = base + i * sp;
            long p = b.getLong(off + 8 * i);
            if (p == 0) {
                continue;
            }
            if (start + sp <= from) {
                allFreed = false;
                continue;
            }
            if (level == h - 1) {
                out.add(p & ADDR_MASK);
            } else {
                byte[] child = indirect(op, ino, p).data;
                if (collect(op, ino, child, Meta.HEADER_SIZE, indirectPtrs, h, level + 1, start, from, out)) {
                    out.add(p);
                } else {
                    allFreed = false;
                }
            }
        }
        return allFreed;
    }

    /** Apply phase: frees every block at or beyond logical block {@code from} and indirect blocks left empty. */
    void truncate(Op op, Inode ino, long from, boolean leavesAreMetadata) throws GfsException {
        int h = ino.d.height();
        if (h == 0) {
            return;
        }
        long[] freed = {0};
        trunc(op, ino, ino.buf, DinodeBlock.CONTENT, dinodePtrs, h, 0, 0, from, freed, leavesAreMetadata);
        ino.modify(op).d.setBlocks(ino.d.blocks() - freed[0]);
    }

    private boolean trunc(Op op, Inode ino, Buffer node, int off, int n, int h, int level, long base, long from,
                          long[] freed, boolean leavesAreMetadata) throws GfsException {
        long sp = span(h, level);
        boolean empty = true;
        for (int i = 0; i < n; i++) {
            long start = base + i * sp;
            long p = ByteBuffer.wrap(node.data).getLong(off + 8 * i);
            if (p == 0) {
                continue;
            }
            if (start + sp <= from) {
                empty = false;
                continue;
            }
            boolean clear;
            if (level == h - 1) {
                op.mount().allocator().free(op, p & ADDR_MASK, leavesAreMetadata);
                freed[0]++;
                clear = true;
            } else {
                Buffer child = indirect(op, ino, p);
                clear = trunc(op, ino, child, Meta.HEADER_SIZE, indirectPtrs, h, level + 1, start, from, freed,
                        leavesAreMetadata);
                if (clear) {
                    op.mount().allocator().free(op, p, true);
                    freed[0]++;
                }
            }
            if (clear) {
                ByteBuffer.wrap(op.modify(node).data).putLong(off + 8 * i, 0);
            } else {
                empty = false;
            }
        }
        return empty;
    }

    private Buffer indirect(Op op, Inode ino, long p) throws GfsException {
        if ((p & ~ADDR_MASK) != 0) {
            throw new CorruptionException("inode " + ino.number + ": indirect pointer with flags " + p);
        }
        return op.mount().cache().read(p, MetaType.IN, ino.glock);
    }

    private static boolean isEmpty(byte[] data, int off, int n) {
        ByteBuffer b = ByteBuffer.wrap(data);
        for (int i = 0; i < n; i++) {
            if (b.getLong(off + 8 * i) != 0) {
                return false;
            }
        }
        return true;
    }

    int blockSize() {
        return blockSize;
    }
}
