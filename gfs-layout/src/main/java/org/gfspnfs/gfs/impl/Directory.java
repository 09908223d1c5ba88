package org.gfspnfs.gfs.impl;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.gfspnfs.gfs.CorruptionException;
import org.gfspnfs.gfs.GfsException;
import org.gfspnfs.gfs.format.BlockState;
import org.gfspnfs.gfs.format.DinodeBlock;
import org.gfspnfs.gfs.format.DirEntryFormat;
import org.gfspnfs.gfs.format.DirEntryFormat.Entry;
import org.gfspnfs.gfs.format.Meta;
import org.gfspnfs.gfs.format.MetaType;

/**
 * Directory contents (FORMAT.md "Directories"): entries stuffed in the dinode while they fit, then GFS2-style
 * extendible hashing - a hash table (in the dinode's block tree) of leaf blocks indexed by the top bits of the name
 * hash. Lookup reads one table block and one leaf; readdir walks leaves in hash order, so cookies (hash, sequence)
 * come out sorted and survive inserts and removals.
 */
final class Directory {
    static final int MAX_DEPTH = 17;
    private static final Comparator<Entry> BY_COOKIE = (a, b) -> Long.compareUnsigned(a.cookie(), b.cookie());
    private final BlockTree tree;
    private final int tablePerBlock;

    Directory(BlockTree tree) {
        this.tree = tree;
        this.tablePerBlock = tree.indirectPtrs();
    }

    static boolean hashed(Inode dir) {
        return (dir.d.flags() & DinodeBlock.FLAG_EXHASH) != 0;
    }

    Entry find(Op op, Inode dir, byte[] name) throws GfsException {
        int h = DirEntryFormat.hash(name);
        if (!hashed(dir)) {
            return stuffed(dir).find(name, h);
        }
        for (Buffer leaf : chain(op, dir, tableGet(op, dir, index(h, dir.d.depth())))) {
            Entry e = DirBlock.leaf(leaf.data).find(name, h);
            if (e != null) {
                return e;
            }
        }
        return null;
    }

    /** Entries with a cookie above {@code cookie} in cookie order, at most {@code max}; sets eof[0]. */
    List<Entry> list(Op op, Inode dir, long cookie, int max, boolean[] eof) throws GfsException {
        List<Entry> out = new ArrayList<>();
        if (!hashed(dir)) {
            List<Entry> all = byCookie(stuffed(dir).entries());
            List<Entry> rest = all.subList(firstAfter(all, cookie), all.size());
            eof[0] = rest.size() <= max;
            return rest.subList(0, Math.min(max, rest.size()));
        }
        int depth = dir.d.depth();
        long size = 1L << depth;
        long t = cookie == 0 ? 0 : index((int) (cookie >>> 32), depth);
        while (t < size) {
            long leafAddr = tableGet(op, dir, t);
            List<Buffer> chain = chain(op, dir, leafAddr);
            List<Entry> here = sorted(chain);
            for (int i = firstAfter(here, cookie); i < here.size(); i++) {
                if (out.size() == max) {
                    eof[0] = false;
                    return out;
                }
                out.add(here.get(i));
            }
            long span = 1L << (depth - DirBlock.leafDepth(chain.get(0).data));
            t = (t & ~(span - 1)) + span;
        }
        eof[0] = true;
        return out;
    }

    /**
     * The entries of one leaf chain in cookie order. A single leaf (the usual chain) keeps them decoded in its
     * buffer for the next listing: decoding and sorting a leaf was a tenth of a READDIR's cost.
     */
    private static List<Entry> sorted(List<Buffer> chain) throws CorruptionException {
        Buffer only = chain.size() == 1 ? chain.get(0) : null;
        if (only != null && only.sortedEntries != null) {
            return only.sortedEntries;
        }
        List<Entry> all = new ArrayList<>();
        for (Buffer b : chain) {
            all.addAll(DirBlock.leaf(b.data).entries());
        }
        List<Entry> sorted = List.copyOf(byCookie(all));
        if (only != null) {
            only.sortedEntries = sorted;
        }
        return sorted;
    }

    /** Index of the first entry of a cookie-sorted list whose cookie is above {@code cookie} (unsigned). */
    private static int firstAfter(List<Entry> sorted, long cookie) {
        int lo = 0;
        int hi = sorted.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(sorted.get(mid).cookie(), cookie) > 0) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private static List<Entry> byCookie(List<Entry> entries) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(BY_COOKIE);
        return sorted;
    }

    /** Plan phase: an upper bound of the blocks an insert may allocate. */
    int insertCost(Inode dir) {
        if (!hashed(dir)) {
            return 8;
        }
        return 2 * tableBlocks(Math.min(dir.d.depth() + 2, MAX_DEPTH)) + 2 * dir.d.height() + 16;
    }

    /** Apply phase: adds an entry (the name must not exist), allocating from {@code rg}. */
    void insert(Op op, Inode dir, byte[] name, long ino, long gen, int type, Rgrp rg) throws GfsException {
        int h = DirEntryFormat.hash(name);
        int size = DirEntryFormat.size(name);
        dir.modify(op);
        if (!hashed(dir)) {
            DirBlock s = stuffed(dir);
            if (s.fits(size)) {
                s.append(new Entry(h, s.nextSeq(h), ino, gen, type, name, 0));
                dir.d.setEntries(s.count());
                return;
            }
            convertToHashed(op, dir, rg);
        }
        for (int guard = 0; guard < 4 * MAX_DEPTH + 4; guard++) {
            int depth = dir.d.depth();
            long t = index(h, depth);
            List<Buffer> chain = chain(op, dir, tableGet(op, dir, t));
            int seq = DirEntryFormat.MIN_SEQ;
            for (Buffer b : chain) {
                seq = Math.max(seq, DirBlock.leaf(b.data).nextSeq(h));
            }
            for (Buffer b : chain) {
                DirBlock lb = DirBlock.leaf(b.data);
                if (lb.fits(size)) {
                    op.modify(b);
                    lb.append(new Entry(h, seq, ino, gen, type, name, 0));
                    lb.storeLeafCount();
                    dir.d.setEntries(dir.d.entries() + 1);
                    return;
                }
            }
            Buffer head = chain.get(0);
            int local = DirBlock.leafDepth(head.data);
            if (chain.size() == 1 && local < MAX_DEPTH) {
                if (local == depth) {
                    doubleTable(op, dir, rg);
                } else {
                    split(op, dir, head, t, rg);
                }
                continue;
            }
            Buffer last = chain.get(chain.size() - 1);
            Buffer extra = newLeaf(op, dir, rg, local);
            DirBlock.setLeafNext(op.modify(last).data, extra.addr);
        }
        throw new CorruptionException("directory " + dir.number + ": could not place an entry");
    }

    /** Apply phase: removes and returns the entry, or null. */
    Entry remove(Op op, Inode dir, byte[] name) throws GfsException {
        int h = DirEntryFormat.hash(name);
        if (!hashed(dir)) {
            DirBlock s = stuffed(dir);
            Entry e = s.find(name, h);
            if (e != null) {
                dir.modify(op);
                s.remove(e);
                dir.d.setEntries(s.count());
            }
            return e;
        }
        for (Buffer b : chain(op, dir, tableGet(op, dir, index(h, dir.d.depth())))) {
            DirBlock lb = DirBlock.leaf(b.data);
            Entry e = lb.find(name, h);
            if (e != null) {
                op.modify(b);
                lb.remove(e);
                lb.storeLeafCount();
                dir.modify(op).d.setEntries(dir.d.entries() - 1);
                return e;
            }
        }
        return null;
    }

    /** Plan phase: every block a hashed directory holds besides its dinode (leaves, table, tree). */
    void collectBlocks(Op op, Inode dir, List<Long> out) throws GfsException {
        if (!hashed(dir)) {
            return;
        }
        Set<Long> leaves = new LinkedHashSet<>();
        long size = 1L << dir.d.depth();
        for (long t = 0; t < size; t++) {
            for (Buffer b : chain(op, dir, tableGet(op, dir, t))) {
                leaves.add(b.addr);
            }
        }
        out.addAll(leaves);
        tree.collectFreed(op, dir, 0, out);
    }

    /** Apply phase: frees every block collected by {@link #collectBlocks}. */
    void freeAll(Op op, Inode dir, List<Long> blocks) throws GfsException {
        if (!hashed(dir)) {
            return;
        }
        List<Long> treeBlocks = new ArrayList<>();
        tree.collectFreed(op, dir, 0, treeBlocks);
        for (long b : blocks) {
            if (!treeBlocks.contains(b)) {
                op.mount().allocator().free(op, b, true);
                dir.modify(op).d.setBlocks(dir.d.blocks() - 1);
            }
        }
        tree.truncate(op, dir, 0, true);
    }

    private void convertToHashed(Op op, Inode dir, Rgrp rg) throws GfsException {
        List<Entry> old = stuffed(dir).entries();
        Buffer leaf = newLeaf(op, dir, rg, 0);
        DirBlock lb = DirBlock.leaf(leaf.data);
        for (Entry e : old) {
            lb.append(e);
        }
        lb.storeLeafCount();
        java.util.Arrays.fill(dir.buf.data, DinodeBlock.CONTENT, dir.buf.data.length, (byte) 0);
        dir.d.setHeight(0);
        dir.d.setDepth(0);
        dir.d.setFlags(dir.d.flags() | DinodeBlock.FLAG_EXHASH);
        ensureTableBlocks(op, dir, 0, rg);
        tableSet(op, dir, 0, leaf.addr);
    }

    private Buffer newLeaf(Op op, Inode dir, Rgrp rg, int depth) throws GfsException {
        long addr = op.mount().allocator().allocOne(op, rg, BlockState.USED);
        Buffer b = op.create(addr, MetaType.LF, dir.glock);
        DirBlock.setLeafDepth(b.data, depth);
        dir.modify(op).d.setBlocks(dir.d.blocks() + 1);
        return b;
    }

    private void split(Op op, Inode dir, Buffer leaf, long t, Rgrp rg) throws GfsException {
        int depth = dir.d.depth();
        int local = DirBlock.leafDepth(leaf.data);
        long span = 1L << (depth - local);
        long start = t & ~(span - 1);
        Buffer other = newLeaf(op, dir, rg, local + 1);
        op.modify(leaf);
        DirBlock.setLeafDepth(leaf.data, local + 1);
        DirBlock from = DirBlock.leaf(leaf.data);
        DirBlock to = DirBlock.leaf(other.data);
        List<Entry> all = from.entries();
        from.clear();
        for (Entry e : all) {
            boolean upper = ((e.hash() >>> (31 - local)) & 1) != 0;
            (upper ? to : from).append(e);
        }
        from.storeLeafCount();
        to.storeLeafCount();
        for (long i = start + span / 2; i < start + span; i++) {
            tableSet(op, dir, i, other.addr);
        }
    }

    private void doubleTable(Op op, Inode dir, Rgrp rg) throws GfsException {
        int depth = dir.d.depth();
        ensureTableBlocks(op, dir, depth + 1, rg);
        long size = 1L << (depth + 1);
        for (long i = size - 1; i >= 0; i--) {
            tableSet(op, dir, i, tableGet(op, dir, i >> 1));
        }
        dir.modify(op).d.setDepth(depth + 1);
    }

    private void ensureTableBlocks(Op op, Inode dir, int depth, Rgrp rg) throws GfsException {
        for (long l = 0; l < tableBlocks(depth); l++) {
            if (tree.get(op, dir, l) == 0) {
                long addr = op.mount().allocator().allocOne(op, rg, BlockState.USED);
                op.create(addr, MetaType.JD, dir.glock);
                tree.set(op, dir, l, addr, rg);
                dir.modify(op).d.setBlocks(dir.d.blocks() + 1);
            }
        }
    }

    int tableBlocks(int depth) {
        return (int) (((1L << depth) + tablePerBlock - 1) / tablePerBlock);
    }

    private long tableGet(Op op, Inode dir, long t) throws GfsException {
        Buffer b = tableBlock(op, dir, t);
        long leaf = ByteBuffer.wrap(b.data).getLong(Meta.HEADER_SIZE + 8 * (int) (t % tablePerBlock));
        if (leaf == 0) {
            throw new CorruptionException("directory " + dir.number + ": empty hash-table slot " + t);
        }
        return leaf;
    }

    private void tableSet(Op op, Inode dir, long t, long leaf) throws GfsException {
        Buffer b = op.modify(tableBlock(op, dir, t));
        ByteBuffer.wrap(b.data).putLong(Meta.HEADER_SIZE + 8 * (int) (t % tablePerBlock), leaf);
    }

    private Buffer tableBlock(Op op, Inode dir, long t) throws GfsException {
        long p = tree.get(op, dir, t / tablePerBlock);
        if (p == 0) {
            throw new CorruptionException("directory " + dir.number + ": hash table block missing for slot " + t);
        }
        return op.mount().cache().read(p, MetaType.JD, dir.glock);
    }

    private List<Buffer> chain(Op op, Inode dir, long leafAddr) throws GfsException {
        List<Buffer> out = new ArrayList<>();
        long a = leafAddr;
        while (a != 0) {
            if (out.size() > 1_000_000) {
                throw new CorruptionException("directory " + dir.number + ": leaf chain loops");
            }
            Buffer b = op.mount().cache().read(a, MetaType.LF, dir.glock);
            out.add(b);
            a = DirBlock.leafNext(b.data);
        }
        return out;
    }

    private static long index(int hash, int depth) {
        return depth == 0 ? 0 : (hash & 0xffffffffL) >>> (32 - depth);
    }

    private static DirBlock stuffed(Inode dir) {
        return new DirBlock(dir.buf.data, DinodeBlock.CONTENT, dir.d.entries());
    }
}
