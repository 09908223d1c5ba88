package org.gfspnfs.gfs.fsck;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gfspnfs.gfs.format.BlockState;
import org.gfspnfs.gfs.format.Meta;
import org.gfspnfs.gfs.format.MetaType;
import org.gfspnfs.gfs.format.RgrpGeometry;
import org.gfspnfs.gfs.format.RgrpHeader;
import org.gfspnfs.gfs.format.Superblock;

/**
 * Resource groups as fsck sees them: each data block's state as the bitmap records it ("actual") and as the walk
 * of the filesystem proves it ("expected"). Headers and bitmap blocks are verified on load; at the end the two
 * states and the header counts are compared, and in repair mode the bitmaps are rebuilt from what the walk found.
 */
final class Rgrps {
    /** Outcome of claiming a block for a structure. */
    enum Claim { OK, NOT_DATA, TAKEN }

    static final class Group {
        final int index;
        final long header;
        final int bitmapBlocks;
        final long dataStart;
        final int dataBlocks;
        final boolean[] bitmapOk;
        final byte[] actual;
        final byte[] expected;
        boolean headerOk = true;
        long rawGeneration;
        long maxGeneration;
        long fsckGeneration;

        Group(int index, long header, int bitmapBlocks, int dataBlocks) {
            this.index = index;
            this.header = header;
            this.bitmapBlocks = bitmapBlocks;
            this.dataStart = header + bitmapBlocks;
            this.dataBlocks = Math.max(0, dataBlocks);
            this.bitmapOk = new boolean[bitmapBlocks];
            this.actual = new byte[this.dataBlocks];
            this.expected = new byte[this.dataBlocks];
        }
    }

    private final Blocks blocks;
    private final Superblock sb;
    private final Findings f;
    private final List<Group> groups = new ArrayList<>();
    private final Set<Long> released = new HashSet<>();

    private Rgrps(Blocks blocks, Superblock sb, Findings f) {
        this.blocks = blocks;
        this.sb = sb;
        this.f = f;
    }

    static Rgrps load(Blocks blocks, Superblock sb, Findings f, FsckProgress progress) throws IOException {
        Rgrps r = new Rgrps(blocks, sb, f);
        for (int i = 0; i < sb.rgrpCount(); i++) {
            progress.update("resource groups", i, sb.rgrpCount());
            r.groups.add(r.loadGroup(i));
        }
        return r;
    }

    List<Group> groups() {
        return groups;
    }

    private Group loadGroup(int i) throws IOException {
        int bs = sb.blockSize();
        long addr = sb.rgrpAddress(i);
        int len = sb.rgrpLength(i);
        int k = RgrpGeometry.bitmapBlocks(bs, len);
        Group g = new Group(i, addr, k, len - k);
        byte[] h = blocks.read(addr);
        String why = Blocks.problem(h, MetaType.RG, addr);
        if (why == null) {
            RgrpHeader rh = new RgrpHeader(h);
            if (rh.index() != i || rh.dataStart() != g.dataStart || rh.dataBlocks() != g.dataBlocks
                    || rh.bitmapBlocks() != k) {
                why = "geometry (index " + rh.index() + ", data " + rh.dataStart() + "+" + rh.dataBlocks()
                        + ", bitmap blocks " + rh.bitmapBlocks() + ") disagrees with the superblock";
            }
        }
        g.rawGeneration = new RgrpHeader(h).generation();
        if (why != null) {
            g.headerOk = false;
            f.error(Structure.RGRP_HEADER, addr, "resource group " + i + ": " + why
                    + (f.repair() ? ": rebuilt from the superblock and the filesystem tree" : ""));
        } else {
            g.bitmapOk[0] = true;
        }
        for (int c = 1; c < k; c++) {
            String bad = Blocks.problem(blocks.read(addr + c), MetaType.RB, addr + c);
            g.bitmapOk[c] = bad == null;
            if (bad != null) {
                f.error(Structure.RGRP_BITMAP, addr + c, "resource group " + i + " bitmap block " + c + ": " + bad
                        + (f.repair() ? ": rebuilt from the filesystem tree" : ""));
            }
        }
        byte[][] bm = new byte[k][];
        for (int c = 0; c < k; c++) {
            bm[c] = blocks.read(addr + c);
        }
        for (long j = 0; j < g.dataBlocks; j++) {
            g.actual[(int) j] = (byte) RgrpGeometry.get(bm[RgrpGeometry.blockOf(bs, j)], bs, j).code();
        }
        return g;
    }

    /** The group whose data area holds {@code block}, or null. */
    Group groupOf(long block) {
        long rel = block - sb.rgrpStart();
        if (rel < 0 || block >= blocks.total()) {
            return null;
        }
        long i = rel / sb.rgrpBlocks();
        if (i >= groups.size()) {
            return null;
        }
        Group g = groups.get((int) i);
        return block >= g.dataStart && block < g.dataStart + g.dataBlocks ? g : null;
    }

    boolean isData(long block) {
        return groupOf(block) != null;
    }

    /** The state the bitmap records (null for a block outside every data area). */
    BlockState actual(long block) {
        Group g = groupOf(block);
        return g == null ? null : BlockState.of(g.actual[(int) (block - g.dataStart)]);
    }

    boolean claimed(long block) {
        Group g = groupOf(block);
        return g != null && g.expected[(int) (block - g.dataStart)] != BlockState.FREE.code();
    }

    /** Records that the filesystem uses {@code block} in state {@code s}. */
    Claim claim(long block, BlockState s) {
        Group g = groupOf(block);
        if (g == null) {
            return Claim.NOT_DATA;
        }
        int j = (int) (block - g.dataStart);
        if (g.expected[j] != BlockState.FREE.code()) {
            return Claim.TAKEN;
        }
        g.expected[j] = (byte) s.code();
        return Claim.OK;
    }

    /** Repair: a claimed block is freed (orphan or unreachable inode); its bitmap change is not an error. */
    void release(long block) {
        Group g = groupOf(block);
        if (g != null) {
            g.expected[(int) (block - g.dataStart)] = (byte) BlockState.FREE.code();
            released.add(block);
        }
    }

    /** A block the bitmap calls a dinode that is not one: freeing it is reported by the caller already. */
    void forgive(long block) {
        released.add(block);
    }

    /** Repair: fsck itself allocates a dinode (lost+found); neither its bitmap change nor its generation is an error. */
    void allocateDinode(long block, long generation) {
        claim(block, BlockState.DINODE);
        released.add(block);
        Group g = groupOf(block);
        g.fsckGeneration = Math.max(g.fsckGeneration, generation);
    }

    void noteGeneration(long dinode, long generation) {
        Group g = groupOf(dinode);
        if (g != null) {
            g.maxGeneration = Math.max(g.maxGeneration, generation);
        }
    }

    /** Final pass: bitmaps and counts against the walk; rebuilds groups in repair mode. */
    void compare(FsckProgress progress) throws IOException {
        for (Group g : groups) {
            progress.update("bitmaps", g.index, groups.size());
            compare(g);
        }
    }

    private void compare(Group g) throws IOException {
        int bs = sb.blockSize();
        boolean differs = !g.headerOk;
        for (boolean ok : g.bitmapOk) {
            differs |= !ok;
        }
        int free = 0;
        int dinodes = 0;
        int unlinked = 0;
        String key = "bitmap " + g.index;
        int[] seen = new int[3];
        for (int j = 0; j < g.dataBlocks; j++) {
            BlockState e = BlockState.of(g.expected[j]);
            long addr = g.dataStart + j;
            free += e == BlockState.FREE ? 1 : 0;
            dinodes += e == BlockState.DINODE || e == BlockState.UNLINKED ? 1 : 0;
            unlinked += e == BlockState.UNLINKED ? 1 : 0;
            // Blocks freed as orphans are not a header error: count them as they were.
            BlockState c = released.contains(addr) ? BlockState.of(g.actual[j]) : e;
            seen[0] += c == BlockState.FREE ? 1 : 0;
            seen[1] += c == BlockState.DINODE || c == BlockState.UNLINKED ? 1 : 0;
            seen[2] += c == BlockState.UNLINKED ? 1 : 0;
            if (g.actual[j] == g.expected[j]) {
                continue;
            }
            differs = true;
            if (g.bitmapOk[RgrpGeometry.blockOf(bs, j)] && !released.contains(addr)) {
                f.cappedError(key, 10, Structure.RGRP_BITMAP, addr, describe(BlockState.of(g.actual[j]), e)
                        + (f.repair() ? ": bitmap corrected" : ""));
            }
        }
        f.summarize(key, 10, Structure.RGRP_BITMAP, g.header, "blocks of resource group " + g.index
                + " with the wrong bitmap state");
        if (g.headerOk) {
            RgrpHeader h = new RgrpHeader(blocks.read(g.header));
            differs |= count(g, "free blocks", h.free(), seen[0]);
            differs |= count(g, "dinodes", h.dinodes(), seen[1]);
            differs |= count(g, "unlinked dinodes", h.unlinked(), seen[2]);
            if (h.generation() < g.maxGeneration) {
                differs = true;
                f.error(Structure.RGRP_HEADER, g.header, "resource group " + g.index + ": generation counter "
                        + h.generation() + " is below a live dinode's generation " + g.maxGeneration
                        + (f.repair() ? ": raised" : ""));
            }
        }
        if (differs && f.repair()) {
            rebuild(g, free, dinodes, unlinked);
        }
    }

    private boolean count(Group g, String what, int recorded, int real) {
        if (recorded == real) {
            return false;
        }
        f.error(Structure.RGRP_HEADER, g.header, "resource group " + g.index + ": header counts " + recorded + " "
                + what + ", the bitmap has " + real
                + (f.repair() ? ": corrected" : ""));
        return true;
    }

    private static String describe(BlockState actual, BlockState expected) {
        if (actual == BlockState.FREE) {
            return "in use as " + name(expected) + " but marked free in the bitmap";
        }
        if (expected == BlockState.FREE) {
            return "marked " + name(actual) + " in the bitmap but nothing reachable uses it";
        }
        return "marked " + name(actual) + " in the bitmap but it is " + name(expected);
    }

    private static String name(BlockState s) {
        return switch (s) {
            case FREE -> "free";
            case USED -> "data/metadata";
            case DINODE -> "a dinode";
            case UNLINKED -> "an unlinked dinode";
        };
    }

    private void rebuild(Group g, int free, int dinodes, int unlinked) {
        int bs = sb.blockSize();
        byte[][] bm = new byte[g.bitmapBlocks][];
        for (int c = 0; c < g.bitmapBlocks; c++) {
            bm[c] = new byte[bs];
            Meta.init(bm[c], c == 0 ? MetaType.RG : MetaType.RB, g.header + c);
        }
        RgrpHeader h = new RgrpHeader(bm[0]);
        h.setIndex(g.index);
        h.setDataStart(g.dataStart);
        h.setDataBlocks(g.dataBlocks);
        h.setBitmapBlocks(g.bitmapBlocks);
        h.setFree(free);
        h.setDinodes(dinodes);
        h.setUnlinked(unlinked);
        h.setGeneration(Math.max(Math.max(0, g.rawGeneration), Math.max(g.maxGeneration, g.fsckGeneration)));
        for (long j = 0; j < g.dataBlocks; j++) {
            RgrpGeometry.set(bm[RgrpGeometry.blockOf(bs, j)], bs, j, BlockState.of(g.expected[(int) j]));
        }
        for (int c = 0; c < g.bitmapBlocks; c++) {
            blocks.put(g.header + c, bm[c]);
        }
    }
}
