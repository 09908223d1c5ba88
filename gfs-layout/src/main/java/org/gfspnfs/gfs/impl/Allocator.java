package org.gfspnfs.gfs.impl;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.gfspnfs.gfs.CorruptionException;
import org.gfspnfs.gfs.GfsException;
import org.gfspnfs.gfs.NoSpaceException;
import org.gfspnfs.gfs.format.BlockState;
import org.gfspnfs.gfs.format.MetaType;
import org.gfspnfs.gfs.format.RgrpGeometry;
import org.gfspnfs.gfs.format.RgrpHeader;
import org.gfspnfs.gfs.format.Superblock;
import org.gfspnfs.gfs.lock.LockMode;
import org.gfspnfs.gfs.lock.LockModule;

/**
 * Block allocation from resource groups (GFS2 rgrp.c). An operation reserves one group in its plan phase (taking its
 * glock EX), preferring the groups of its own node slot so that nodes rarely contend for bitmaps, then allocates
 * contiguous runs from it in its apply phase.
 */
final class Allocator {
    private static final short LVB_MAGIC = 0x5247;
    private final Superblock sb;
    private final List<Rgrp> rgrps = new ArrayList<>();
    private final int journalId;
    private int lastUsed;

    Allocator(Superblock sb, int journalId) {
        this.sb = sb;
        this.journalId = journalId;
        for (int i = 0; i < sb.rgrpCount(); i++) {
            rgrps.add(new Rgrp(sb, i));
        }
        this.lastUsed = Math.min(rgrps.size() - 1, journalId);
    }

    List<Rgrp> rgrps() {
        return rgrps;
    }

    void committed() {
        rgrps.forEach(Rgrp::committed);
    }

    /** The group holding {@code block}, or null if it is not a data block of any group. */
    Rgrp rgrpOf(long block) {
        long rel = block - sb.rgrpStart();
        if (rel < 0) {
            return null;
        }
        // Compared as a long: a filehandle from the wire may name any block, and the cast must not wrap.
        long i = rel / sb.rgrpBlocks();
        if (i >= rgrps.size()) {
            return null;
        }
        Rgrp r = rgrps.get((int) i);
        return r.contains(block) ? r : null;
    }

    Buffer header(Op op, Rgrp r) throws GfsException {
        Buffer b = op.mount().cache().read(r.header, MetaType.RG, r.glock);
        RgrpHeader h = new RgrpHeader(b.data);
        if (h.dataStart() != r.dataStart || h.dataBlocks() != r.dataBlocks || h.index() != r.index) {
            throw new CorruptionException("resource group " + r.index + ": header disagrees with the superblock");
        }
        return b;
    }

    /** Free blocks an operation could allocate now (pending frees excluded); the group must be locked. */
    int available(Op op, Rgrp r) throws GfsException {
        return new RgrpHeader(header(op, r).data).free() - r.pendingFreeCount();
    }

    /**
     * Plan phase: locks (EX) a group with at least {@code min} allocatable blocks, preferring one with {@code want}.
     * Groups of this node's slot come first.
     */
    Rgrp reserve(Op op, int min, int want) throws GfsException {
        Rgrp r = tryReserve(op, min, want);
        if (r == null && !op.applying() && hasPendingFrees()) {
            // Blocks freed in the uncommitted batch become allocatable once it commits (GFS2 flushes the log when
            // an allocation finds only such blocks). The plan phase changes nothing, so committing here is safe.
            op.mount().log().flush(false);
            r = tryReserve(op, min, want);
        }
        if (r == null) {
            throw new NoSpaceException("no resource group has " + min + " free blocks");
        }
        return r;
    }

    private boolean hasPendingFrees() {
        for (Rgrp r : rgrps) {
            if (r.pendingFreeCount() > 0) {
                return true;
            }
        }
        return false;
    }

    private Rgrp tryReserve(Op op, int min, int want) throws GfsException {
        Rgrp fallback = null;
        for (Rgrp r : candidates()) {
            if (op.holds(r.glock, LockMode.EX)) {
                int avail = available(op, r);
                if (avail >= want) {
                    return r;
                }
                if (avail >= min && fallback == null) {
                    fallback = r;
                }
                continue;
            }
            int hint = lvbFree(op, r);
            if (hint >= 0 && hint < min) {
                continue;
            }
            op.lock(r.glock, LockMode.EX);
            int avail = available(op, r);
            if (avail >= want) {
                lastUsed = r.index;
                return r;
            }
            if (avail >= min && fallback == null) {
                fallback = r;
            } else {
                op.unlock(r.glock);
            }
        }
        if (fallback == null) {
            return null;
        }
        lastUsed = fallback.index;
        return fallback;
    }

    private List<Rgrp> candidates() {
        List<Rgrp> mine = new ArrayList<>();
        List<Rgrp> others = new ArrayList<>();
        int n = rgrps.size();
        for (int k = 0; k < n; k++) {
            Rgrp r = rgrps.get((lastUsed + k) % n);
            (r.index % sb.journalCount() == journalId % sb.journalCount() ? mine : others).add(r);
        }
        mine.addAll(others);
        return mine;
    }

    private int lvbFree(Op op, Rgrp r) throws GfsException {
        long[] c = lvbCounts(op, r);
        return c == null ? -1 : (int) c[0];
    }

    /**
     * {free, dinodes} from the last value block this node saw for the group while it does not hold the group's
     * glock, or null (statfs uses it instead of taking every group's glock, which would pull them away from the
     * nodes allocating in them; the counts may be slightly old, as GFS2's statfs is).
     */
    long[] lvbCounts(Op op, Rgrp r) throws GfsException {
        GlockState g = op.mount().glocks().state(r.glock);
        synchronized (g) {
            // A demote in flight publishes the value block when it ends; reading before that would take the glock
            // back from the node that just got it.
            Glocks.waitIdle(g);
            if (g.lvb == null || !g.lvbValid || g.granted != org.gfspnfs.gfs.lock.LockMode.UN) {
                return null;
            }
            ByteBuffer b = ByteBuffer.wrap(g.lvb);
            if (b.getShort(0) != LVB_MAGIC || (b.getShort(2) & 1) == 0) {
                return null;
            }
            return new long[] {b.getInt(4) & 0xffffffffL, b.getInt(8) & 0xffffffffL};
        }
    }

    /** LVB for an EX-held group's glock: free and dinode counts, generation (FORMAT.md). */
    byte[] lvb(MetaCache cache, Rgrp r) {
        Buffer b = cache.cached(r.header);
        if (b == null) {
            return null;
        }
        RgrpHeader h = new RgrpHeader(b.data);
        ByteBuffer out = ByteBuffer.allocate(LockModule.LVB_SIZE);
        out.putShort(LVB_MAGIC).putShort((short) 1).putInt(h.free()).putInt(h.dinodes()).putLong(h.generation());
        return out.array();
    }

    /** Requests at least this long are data of a big write: they look for a long free stretch. */
    private static final long BIG_REQUEST = 64;
    /** The free stretch a big write looks for (8 MiB of 4 KiB blocks), so the next writes can continue it. */
    private static final long STRETCH = 2048;
    /** Blocks a big allocation looks through for such a stretch before taking the longest run it saw. */
    private static final long RUN_SEARCH = 16_384;

    /**
     * Apply phase: allocates up to {@code max} contiguous blocks in state {@code state}; returns {start, len}. Small
     * requests take the first free run after the group's hint (small files fill holes). A big request continues
     * at the hint if {@code max} blocks are free there (a sequential writer), else looks, for a bounded distance,
     * for a stretch of {@link #STRETCH} free blocks instead of scattering a big file over the short holes that
     * deleted small files leave.
     */
    long[] allocRun(Op op, Rgrp r, int max, BlockState state) throws GfsException {
        long n = r.dataBlocks;
        FreeScan free = new FreeScan(op, r);
        long want = max >= BIG_REQUEST ? Math.max(max, STRETCH) : max;
        long bestStart = -1;
        long bestLen = 0;
        long k = 0;
        while (k < n) {
            long j = (r.hint + k) % n;
            if (!free.at(j)) {
                k++;
                continue;
            }
            // At the hint, a run of max is all a sequential writer needs; elsewhere, count up to a whole stretch.
            long limit = k == 0 ? max : want;
            long len = 1;
            while (len < limit && j + len < n && free.at(j + len)) {
                len++;
            }
            if (len > bestLen) {
                bestStart = j;
                bestLen = len;
            }
            if (len >= want || (k == 0 && len >= max) || k + len > RUN_SEARCH) {
                break;
            }
            k += len;
        }
        if (bestStart < 0) {
            throw new NoSpaceException("resource group " + r.index + " is full");
        }
        long got = Math.min(bestLen, max);
        take(op, r, bestStart, got, state);
        r.hint = (bestStart + got) % n;
        return new long[] {r.dataStart + bestStart, got};
    }

    /**
     * Apply phase: one indirect block, searched downward from the top of the group (its own hint) while data runs
     * grow upward from {@link Rgrp#hint}: a big file's data stays one contiguous run per group, so sequential I/O
     * is one device call per request instead of a break every indirect block's worth of data (ext4 and GFS2's
     * reservations keep data apart from metadata for the same reason). Placement is not part of the format.
     */
    long allocMeta(Op op, Rgrp r) throws GfsException {
        long n = r.dataBlocks;
        FreeScan free = new FreeScan(op, r);
        long start = r.metaHint < 0 || r.metaHint >= n ? n - 1 : r.metaHint;
        for (long k = 0; k < n; k++) {
            long j = Math.floorMod(start - k, n);
            if (free.at(j)) {
                take(op, r, j, 1, BlockState.USED);
                r.metaHint = Math.floorMod(j - 1, n);
                return r.dataStart + j;
            }
        }
        throw new NoSpaceException("resource group " + r.index + " is full");
    }

    /** Marks {@code [j, j+len)} (relative to the group's data start) allocated in {@code state}. */
    private void take(Op op, Rgrp r, long j, long len, BlockState state) throws GfsException {
        int bs = sb.blockSize();
        Buffer bm = null;
        int bmIndex = -1;
        for (long x = j; x < j + len; x++) {
            int which = RgrpGeometry.blockOf(bs, x);
            if (which != bmIndex) {
                bm = op.modify(bitmap(op, r, x));
                bmIndex = which;
            }
            RgrpGeometry.set(bm.data, bs, x, state);
        }
        RgrpHeader h = new RgrpHeader(op.modify(header(op, r)).data);
        h.setFree(h.free() - (int) len);
        if (state == BlockState.DINODE) {
            h.setDinodes(h.dinodes() + (int) len);
        }
    }

    /** Plan phase: the block {@link #allocDinodeAt} will take next in a locked group, so its glock can be taken. */
    long peekFree(Op op, Rgrp r) throws GfsException {
        long n = r.dataBlocks;
        FreeScan free = new FreeScan(op, r);
        for (long k = 0; k < n; k++) {
            long j = (r.hint + k) % n;
            if (free.at(j)) {
                return r.dataStart + j;
            }
        }
        throw new NoSpaceException("resource group " + r.index + " is full");
    }

    /** Apply phase: allocates the dinode at {@code addr} (from {@link #peekFree}); returns its generation. */
    long allocDinodeAt(Op op, Rgrp r, long addr) throws GfsException {
        long j = addr - r.dataStart;
        if (!r.contains(addr) || !isFree(op, r, j)) {
            throw new CorruptionException("block " + addr + " is not free for a new dinode");
        }
        Buffer bm = op.modify(bitmap(op, r, j));
        RgrpGeometry.set(bm.data, sb.blockSize(), j, BlockState.DINODE);
        RgrpHeader h = new RgrpHeader(op.modify(header(op, r)).data);
        h.setFree(h.free() - 1);
        h.setDinodes(h.dinodes() + 1);
        long gen = h.generation() + 1;
        h.setGeneration(gen);
        r.hint = (j + 1) % r.dataBlocks;
        return gen;
    }

    /** Apply phase: one block. */
    long allocOne(Op op, Rgrp r, BlockState state) throws GfsException {
        return allocRun(op, r, 1, state)[0];
    }

    /** Apply phase: frees a block (its group locked EX); metadata blocks also leave the log batch and get revoked. */
    void free(Op op, long block, boolean metadata) throws GfsException {
        // A read mapped before this free may still be copying the block outside the operation lock.
        op.awaitPriorReads();
        Rgrp r = rgrpOf(block);
        if (r == null) {
            throw new CorruptionException("freeing block " + block + " outside every resource group");
        }
        long j = block - r.dataStart;
        Buffer bm = op.modify(bitmap(op, r, j));
        BlockState old = RgrpGeometry.get(bm.data, sb.blockSize(), j);
        if (old == BlockState.FREE) {
            throw new CorruptionException("block " + block + " freed twice");
        }
        RgrpGeometry.set(bm.data, sb.blockSize(), j, BlockState.FREE);
        RgrpHeader h = new RgrpHeader(op.modify(header(op, r)).data);
        h.setFree(h.free() + 1);
        if (old == BlockState.DINODE || old == BlockState.UNLINKED) {
            h.setDinodes(h.dinodes() - 1);
            op.dinodeFreed(block);
        }
        if (old == BlockState.UNLINKED) {
            h.setUnlinked(h.unlinked() - 1);
        }
        r.addPendingFree(block);
        if (metadata) {
            op.mount().log().freed(block);
        }
    }

    /** The bitmap state of a block (its group locked at least SH). */
    BlockState state(Op op, long block) throws GfsException {
        Rgrp r = rgrpOf(block);
        if (r == null) {
            return null;
        }
        long j = block - r.dataStart;
        return RgrpGeometry.get(bitmap(op, r, j).data, sb.blockSize(), j);
    }

    /** Apply phase: DINODE <-> UNLINKED transitions. */
    void setDinodeState(Op op, long block, BlockState to) throws GfsException {
        Rgrp r = rgrpOf(block);
        long j = block - r.dataStart;
        Buffer bm = op.modify(bitmap(op, r, j));
        BlockState old = RgrpGeometry.get(bm.data, sb.blockSize(), j);
        if (old == to) {
            return;
        }
        RgrpGeometry.set(bm.data, sb.blockSize(), j, to);
        RgrpHeader h = new RgrpHeader(op.modify(header(op, r)).data);
        h.setUnlinked(h.unlinked() + (to == BlockState.UNLINKED ? 1 : -1));
    }

    private boolean isFree(Op op, Rgrp r, long j) throws GfsException {
        return RgrpGeometry.get(bitmap(op, r, j).data, sb.blockSize(), j) == BlockState.FREE
                && !r.isPendingFree(r.dataStart + j);
    }

    private Buffer bitmap(Op op, Rgrp r, long j) throws GfsException {
        int k = RgrpGeometry.blockOf(sb.blockSize(), j);
        return k == 0 ? op.mount().cache().read(r.header, MetaType.RG, r.glock)
                : op.mount().cache().read(r.header + k, MetaType.RB, r.glock);
    }

    /** Reads free states along a scan, fetching each bitmap block from the cache once instead of once per block. */
    private final class FreeScan {
        private final Op op;
        private final Rgrp r;
        private byte[] bitmap;
        private int bitmapIndex = -1;

        /** Blocks freed since the last journal commit stay taken until it; none is made pending during the scan. */
        private final boolean anyPendingFree;

        FreeScan(Op op, Rgrp r) {
            this.op = op;
            this.r = r;
            this.anyPendingFree = r.pendingFreeCount() > 0;
        }

        boolean at(long j) throws GfsException {
            int which = RgrpGeometry.blockOf(sb.blockSize(), j);
            if (which != bitmapIndex) {
                bitmap = bitmap(op, r, j).data;
                bitmapIndex = which;
            }
            return RgrpGeometry.get(bitmap, sb.blockSize(), j) == BlockState.FREE
                    && !(anyPendingFree && r.isPendingFree(r.dataStart + j));
        }
    }
}
