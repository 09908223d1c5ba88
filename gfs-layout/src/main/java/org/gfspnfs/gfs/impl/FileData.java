package org.gfspnfs.gfs.impl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gfspnfs.gfs.DeviceIOException;
import org.gfspnfs.gfs.Extent;
import org.gfspnfs.gfs.ExtentState;
import org.gfspnfs.gfs.FileTooLargeException;
import org.gfspnfs.gfs.GfsException;
import org.gfspnfs.gfs.format.BlockState;
import org.gfspnfs.gfs.format.DinodeBlock;
import org.gfspnfs.gfs.lock.LockMode;

/**
 * Regular file contents. Data is never journaled: new blocks are written (zero padded) or marked unwritten before
 * the metadata that points at them commits (ordered mode), contiguous runs go to the device in one write, and each
 * call handles at most one chunk so that its metadata fits in one journal commit.
 */
final class FileData {
    static final long MAX_FILE_BYTES = 1L << 50;
    private final BlockTree tree;
    private final int bs;

    FileData(BlockTree tree) {
        this.tree = tree;
        this.bs = tree.blockSize();
    }

    /** Blocks one operation may map: bounded by the log budget (one bitmap block per block, worst case). */
    long chunkBlocks(Op op) {
        long budget = op.mount().log().operationBudget();
        return Math.max(1, Math.min(1L << 16, (budget - 16) * (long) (bs - 24) / 8));
    }

    /** Blocks one truncation step may free (worst case one bitmap block each). */
    long truncateStep(Op op) {
        return Math.max(1, op.mount().log().operationBudget() - 16);
    }

    /**
     * Maps a read of {@code count} bytes at {@code off} (fewer at the end of the file): the device runs and holes
     * it covers, for {@link PlannedRead} to copy or send once the operation lock is released. Stuffed contents are
     * copied here, from the dinode cached under the lock.
     */
    PlannedRead plan(Op op, Inode ino, long off, int count) throws GfsException {
        long size = ino.d.size();
        if (off >= size || count <= 0) {
            return new PlannedRead(0, size);
        }
        int n = (int) Math.min(count, size - off);
        PlannedRead plan = new PlannedRead(n, size);
        if (ino.d.height() == 0) {
            plan.addInline(Arrays.copyOfRange(ino.buf.data, DinodeBlock.CONTENT + (int) off,
                    DinodeBlock.CONTENT + (int) off + n));
            return plan;
        }
        long end = off + n;
        long first = off / bs;
        long[] ptrs = tree.mapArray(op, ino, first, (int) ((end - 1) / bs - first + 1));
        long pos = off;
        while (pos < end) {
            int i = (int) (pos / bs - first);
            long p = ptrs[i];
            boolean hole = isHole(p);
            int run = 1;
            while (i + run < ptrs.length && (hole ? isHole(ptrs[i + run]) : ptrs[i + run] == p + run)) {
                run++;
            }
            long runEnd = Math.min(end, (first + i + run) * bs);
            plan.add((int) (pos - off), hole ? -1 : p * bs + (pos - (first + i) * bs), (int) (runEnd - pos));
            pos = runEnd;
        }
        return plan;
    }

    /**
     * Plan and apply one write chunk at {@code off}; returns how many bytes of {@code src} (from its position)
     * were written. The inode is loaded EX by the caller.
     */
    int writeChunk(Op op, Inode ino, long off, ByteBuffer src, Instant now) throws GfsException {
        long end = off + src.remaining();
        if (end > MAX_FILE_BYTES) {
            throw new FileTooLargeException("write beyond " + MAX_FILE_BYTES + " bytes");
        }
        if (ino.d.height() == 0 && end <= ino.d.contentSize()) {
            op.beginApply();
            ino.modify(op);
            int n = src.remaining();
            src.duplicate().get(ino.buf.data, DinodeBlock.CONTENT + (int) off, n);
            ino.d.setSize(Math.max(ino.d.size(), end));
            ino.touchMtime(now);
            return n;
        }
        long first = off / bs;
        int count = (int) Math.min((end - 1) / bs - first + 1, chunkBlocks(op));
        Rgrp rg = reserveFor(op, ino, first, count);
        if (rg != null) {
            long avail = op.mount().allocator().available(op, rg) - metaBound(count) - 1;
            count = (int) Math.max(1, Math.min(count, avail));
        }
        op.beginApply();
        unstuff(op, ino, rg);
        long dataEnd = Math.min(end, (first + count) * bs);
        long[] ptrs = tree.mapArray(op, ino, first, count);
        int i = 0;
        while (i < count) {
            long l = first + i;
            long p = ptrs[i];
            int run = 1;
            if (p == 0) {
                while (i + run < count && ptrs[i + run] == 0) {
                    run++;
                }
                long[] got = op.mount().allocator().allocRun(op, rg, run, BlockState.USED);
                writeFresh(op, l, got[0], got[1], off, dataEnd, src);
                tree.setRun(op, ino, l, got[0], got[1], 0, rg);
                ino.modify(op).d.setBlocks(ino.d.blocks() + got[1]);
                run = (int) got[1];
            } else if ((p & BlockTree.UNWRITTEN) != 0) {
                writeFresh(op, l, p & BlockTree.ADDR_MASK, 1, off, dataEnd, src);
                tree.set(op, ino, l, p & BlockTree.ADDR_MASK, rg);
            } else {
                while (i + run < count && ptrs[i + run] == p + run) {
                    run++;
                }
                writeSlice(op, l, p, run, off, dataEnd, src);
            }
            i += run;
        }
        ino.modify(op);
        ino.d.setSize(Math.max(ino.d.size(), dataEnd));
        ino.touchMtime(now);
        return (int) (dataEnd - off);
    }

    /** Plan phase: reserves a group if the blocks [first, first+count) have holes or the inode is stuffed. */
    private Rgrp reserveFor(Op op, Inode ino, long first, long count) throws GfsException {
        long[] mappedCount = {0};
        tree.forEach(op, ino, first, first + count, (l, p) -> mappedCount[0]++);
        long holes = count - mappedCount[0];
        boolean stuffedData = ino.d.height() == 0 && ino.d.size() > 0;
        if (holes == 0 && !stuffedData) {
            return null;
        }
        int need = (int) Math.min(Integer.MAX_VALUE / 2, holes + metaBound(count) + 1);
        return op.mount().allocator().reserve(op, (int) Math.min(need, metaBound(1) + 2), need);
    }

    private long metaBound(long count) {
        return 2 * (count / tree.indirectPtrs() + 2) + 12;
    }

    /** Moves stuffed data into a block (apply phase) so the block tree can be used. */
    void unstuff(Op op, Inode ino, Rgrp rg) throws GfsException {
        if (ino.d.height() != 0) {
            return;
        }
        ino.modify(op);
        long size = ino.d.size();
        long addr = 0;
        if (size > 0) {
            addr = op.mount().allocator().allocOne(op, rg, BlockState.USED);
            ByteBuffer block = ByteBuffer.allocate(bs);
            block.put(ino.buf.data, DinodeBlock.CONTENT, (int) size).clear();
            writeDevice(op, addr * bs, block);
        }
        java.util.Arrays.fill(ino.buf.data, DinodeBlock.CONTENT, ino.buf.data.length, (byte) 0);
        tree.grow(op, ino, 1, rg);
        if (addr != 0) {
            tree.set(op, ino, 0, addr, rg);
            ino.d.setBlocks(ino.d.blocks() + 1);
        }
    }

    /** Newly owned blocks: zero the partial edge blocks, then write the data in one go. */
    private void writeFresh(Op op, long l, long phys, long len, long off, long end, ByteBuffer src)
            throws GfsException {
        long runStart = l * bs;
        long runEnd = (l + len) * bs;
        long ds = Math.max(off, runStart);
        long de = Math.min(end, runEnd);
        if (ds > runStart) {
            writeDevice(op, phys * bs, ByteBuffer.allocate(bs));
        }
        if (de < runEnd && (len > 1 || ds == runStart)) {
            writeDevice(op, (phys + len - 1) * bs, ByteBuffer.allocate(bs));
        }
        writeSlice(op, l, phys, len, off, end, src);
    }

    private void writeSlice(Op op, long l, long phys, long len, long off, long end, ByteBuffer src)
            throws GfsException {
        long ds = Math.max(off, l * bs);
        long de = Math.min(end, (l + len) * bs);
        if (de <= ds) {
            return;
        }
        ByteBuffer slice = src.duplicate();
        slice.position(src.position() + (int) (ds - off)).limit(src.position() + (int) (de - off));
        writeDevice(op, phys * bs + (ds - l * bs), slice);
    }

    /**
     * One truncation step toward {@code newSize}: frees at most {@link #truncateStep} blocks from the end.
     * Returns true for the final step, which sets the size and zeroes the tail of the last block.
     */
    boolean shrink(Op op, Inode ino, long newSize, Instant now) throws GfsException {
        long targetL = (newSize + bs - 1) / bs;
        long last = tree.lastMapped(op, ino);
        long fromL = Math.max(targetL, last + 1 - truncateStep(op));
        List<Long> freed = new ArrayList<>();
        tree.collectFreed(op, ino, fromL, freed);
        lockGroups(op, freed);
        boolean last0 = fromL == targetL;
        long tailPtr = ino.d.height() > 0 && newSize % bs != 0 ? tree.get(op, ino, newSize / bs) : 0;
        op.beginApply();
        tree.truncate(op, ino, fromL, false);
        if (!last0) {
            return false;
        }
        ino.modify(op);
        if (ino.d.height() == 0) {
            int from = DinodeBlock.CONTENT + (int) newSize;
            java.util.Arrays.fill(ino.buf.data, from, ino.buf.data.length, (byte) 0);
        } else if (tailPtr != 0 && (tailPtr & BlockTree.UNWRITTEN) == 0) {
            int keep = (int) (newSize % bs);
            writeDevice(op, tailPtr * bs + keep, ByteBuffer.allocate(bs - keep));
        }
        ino.d.setSize(newSize);
        ino.touchMtime(now);
        return true;
    }

    /** Plan phase: EX on every group that holds one of {@code blocks}. */
    static void lockGroups(Op op, List<Long> blocks) throws GfsException {
        java.util.TreeSet<Rgrp> groups = new java.util.TreeSet<>((a, b) -> Integer.compare(a.index, b.index));
        for (long b : blocks) {
            Rgrp r = op.mount().allocator().rgrpOf(b & BlockTree.ADDR_MASK);
            if (r == null) {
                throw new org.gfspnfs.gfs.CorruptionException("block " + b + " is outside every resource group");
            }
            groups.add(r);
        }
        for (Rgrp r : groups) {
            op.lock(r.glock, LockMode.EX);
        }
    }

    /** Extends the size (a hole); stuffed data moves to a block when the size outgrows the dinode. */
    Rgrp planExtend(Op op, Inode ino, long newSize) throws GfsException {
        if (ino.d.height() == 0 && newSize > ino.d.contentSize() && ino.d.size() > 0) {
            return op.mount().allocator().reserve(op, 4, 4);
        }
        return null;
    }

    void applyExtend(Op op, Inode ino, long newSize, Rgrp rg, Instant now) throws GfsException {
        if (ino.d.height() == 0 && newSize > ino.d.contentSize()) {
            unstuff(op, ino, rg);
        }
        ino.modify(op);
        ino.d.setSize(newSize);
        ino.touchMtime(now);
    }

    /** Plan + apply: allocates the holes of one chunk as unwritten; returns the blocks covered. */
    long allocateUnwrittenChunk(Op op, Inode ino, long first, long count, Instant now) throws GfsException {
        count = Math.min(count, chunkBlocks(op));
        Rgrp rg = reserveFor(op, ino, first, count);
        if (rg != null) {
            long avail = op.mount().allocator().available(op, rg) - metaBound(count) - 1;
            count = Math.max(1, Math.min(count, avail));
        }
        op.beginApply();
        unstuff(op, ino, rg);
        long l = first;
        while (l < first + count) {
            if (tree.get(op, ino, l) != 0) {
                l++;
                continue;
            }
            long run = 1;
            while (l + run < first + count && tree.get(op, ino, l + run) == 0) {
                run++;
            }
            long[] got = op.mount().allocator().allocRun(op, rg, (int) Math.min(run, Integer.MAX_VALUE),
                    BlockState.USED);
            for (long i = 0; i < got[1]; i++) {
                tree.set(op, ino, l + i, (got[0] + i) | BlockTree.UNWRITTEN, rg);
            }
            ino.modify(op).d.setBlocks(ino.d.blocks() + got[1]);
            l += got[1];
        }
        ino.modify(op).touchCtime(now);
        return count;
    }

    /** Apply phase: clears the unwritten flag in one chunk; returns the blocks covered. */
    long convertChunk(Op op, Inode ino, long first, long count) throws GfsException {
        long n = Math.min(count, chunkBlocks(op));
        List<long[]> unwritten = new ArrayList<>();
        tree.forEach(op, ino, first, first + n, (l, p) -> {
            if ((p & BlockTree.UNWRITTEN) != 0) {
                unwritten.add(new long[] {l, p & BlockTree.ADDR_MASK});
            }
        });
        for (long[] u : unwritten) {
            tree.set(op, ino, u[0], u[1], null);
        }
        return n;
    }

    /** The mapping of [first, first+count) as merged extents. */
    List<Extent> map(Op op, Inode ino, long first, long count) throws GfsException {
        List<Extent> out = new ArrayList<>();
        long[] next = {first};
        tree.forEach(op, ino, first, first + count, (l, p) -> {
            if (l > next[0]) {
                add(out, new Extent(next[0] * bs, (l - next[0]) * bs, -1, ExtentState.HOLE));
            }
            ExtentState st = (p & BlockTree.UNWRITTEN) != 0 ? ExtentState.UNWRITTEN : ExtentState.WRITTEN;
            add(out, new Extent(l * bs, bs, (p & BlockTree.ADDR_MASK) * bs, st));
            next[0] = l + 1;
        });
        if (next[0] < first + count) {
            add(out, new Extent(next[0] * bs, (first + count - next[0]) * bs, -1, ExtentState.HOLE));
        }
        return out;
    }

    private static void add(List<Extent> out, Extent e) {
        if (!out.isEmpty()) {
            Extent last = out.get(out.size() - 1);
            boolean adjacent = last.fileOffset() + last.length() == e.fileOffset() && last.state() == e.state()
                    && (e.state() == ExtentState.HOLE || last.deviceOffset() + last.length() == e.deviceOffset());
            if (adjacent) {
                out.set(out.size() - 1, new Extent(last.fileOffset(), last.length() + e.length(),
                        last.deviceOffset(), last.state()));
                return;
            }
        }
        out.add(e);
    }

    private static boolean isHole(long p) {
        return p == 0 || (p & BlockTree.UNWRITTEN) != 0;
    }

    private static void writeDevice(Op op, long pos, ByteBuffer buf) throws GfsException {
        try {
            op.mount().device().write(pos, buf);
        } catch (IOException e) {
            throw new DeviceIOException("writing data at " + pos + ": " + e.getMessage(), e);
        } finally {
            op.mount().log().dataWritten(); // after the write: a flush that counts it must have it (even in part)
        }
    }
}
