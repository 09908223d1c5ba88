package org.gfspnfs.gfs.fsck;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.gfspnfs.gfs.format.BlockState;
import org.gfspnfs.gfs.format.DinodeBlock;
import org.gfspnfs.gfs.format.Meta;
import org.gfspnfs.gfs.format.MetaType;

/**
 * Walks a dinode's block tree (FORMAT.md "Block tree") without trusting it: every pointer must carry only allowed
 * flags and point into a resource group's data area, every indirect block must verify and belong to nobody else.
 * A bad pointer is reported at the block that holds it and, in repair mode, cleared (a hole). The recursion depth
 * is the tree height (at most {@link #MAX_HEIGHT}) and no block is entered twice, so garbage cannot make it loop.
 */
final class TreeWalk {
    static final int MAX_HEIGHT = 10;
    static final long UNWRITTEN = 1L << 63;
    static final long ADDR_MASK = (1L << 56) - 1;

    /** Receives the pointers of the lowest level; returns false to have the pointer cleared (repair). */
    interface Leaf {
        boolean visit(long lblk, long ptr, long nodeAddr) throws IOException;
    }

    private final Blocks blocks;
    private final Rgrps rgrps;
    private final Findings f;
    private final int dinodePtrs;
    private final int indirectPtrs;

    TreeWalk(Blocks blocks, Rgrps rgrps, Findings f) {
        this.blocks = blocks;
        this.rgrps = rgrps;
        this.f = f;
        this.dinodePtrs = (blocks.blockSize() - DinodeBlock.CONTENT) / 8;
        this.indirectPtrs = (blocks.blockSize() - Meta.HEADER_SIZE) / 8;
    }

    int indirectPtrs() {
        return indirectPtrs;
    }

    /** Walks the tree of dinode {@code ino}; returns the indirect blocks claimed (also added to {@code claimed}). */
    long walk(long ino, byte[] dinode, boolean allowUnwritten, Leaf leaf, List<Long> claimed) throws IOException {
        int h = new DinodeBlock(dinode).height();
        if (h == 0 || h > MAX_HEIGHT) {
            return 0;
        }
        return node(new Ctx(ino, h, allowUnwritten, leaf, claimed), ino, dinode, DinodeBlock.CONTENT, dinodePtrs, 0,
                0);
    }

    private record Ctx(long ino, int height, boolean allowUnwritten, Leaf leaf, List<Long> claimed) {
    }

    private long node(Ctx c, long nodeAddr, byte[] node, int off, int n, int level, long base) throws IOException {
        long span = span(c.height(), level);
        boolean lowest = level == c.height() - 1;
        long count = 0;
        ByteBuffer b = ByteBuffer.wrap(node);
        for (int i = 0; i < n; i++) {
            long p = b.getLong(off + 8 * i);
            if (p == 0) {
                continue;
            }
            long lblk = add(base, mul(span, i));
            long flags = p & ~ADDR_MASK;
            long a = p & ADDR_MASK;
            String bad = null;
            if (flags != 0 && !(lowest && c.allowUnwritten() && flags == UNWRITTEN)) {
                bad = "has invalid flag bits 0x" + Long.toHexString(flags >>> 56);
            } else if (!rgrps.isData(a)) {
                bad = "points outside every resource group's data area";
            }
            if (bad != null) {
                clear(c, nodeAddr, node, off + 8 * i, "pointer " + i + " (" + a + ") " + bad);
                continue;
            }
            if (lowest) {
                if (!c.leaf().visit(lblk, p, nodeAddr)) {
                    clear(node, nodeAddr, off + 8 * i);
                }
                continue;
            }
            byte[] child = blocks.read(a);
            String why = Blocks.problem(child, MetaType.IN, a);
            if (why == null && rgrps.claim(a, BlockState.USED) != Rgrps.Claim.OK) {
                why = "is already used by another structure";
            }
            if (why != null) {
                f.error(Structure.INDIRECT, a, "indirect block of inode " + c.ino() + " (pointer " + i + " of block "
                        + nodeAddr + ") " + why + (f.repair() ? ": pointer cleared" : ""));
                clear(node, nodeAddr, off + 8 * i);
                continue;
            }
            c.claimed().add(a);
            count += 1 + node(c, a, child, Meta.HEADER_SIZE, indirectPtrs, level + 1, lblk);
        }
        return count;
    }

    private void clear(Ctx c, long nodeAddr, byte[] node, int at, String what) {
        Structure s = nodeAddr == c.ino() ? Structure.DINODE : Structure.INDIRECT;
        f.error(s, nodeAddr, "inode " + c.ino() + ": " + what + (f.repair() ? ": cleared" : ""));
        clear(node, nodeAddr, at);
    }

    /** Repair only: zero one pointer and schedule the block for write-back. */
    void clear(byte[] node, long nodeAddr, int at) {
        if (f.repair()) {
            ByteBuffer.wrap(node).putLong(at, 0);
            blocks.put(nodeAddr, node);
        }
    }

    private long span(int height, int level) {
        long s = 1;
        for (int i = level + 1; i < height; i++) {
            s = mul(s, indirectPtrs);
        }
        return s;
    }

    private static long mul(long a, long b) {
        return b != 0 && a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
    }

    private static long add(long a, long b) {
        return a > Long.MAX_VALUE - b ? Long.MAX_VALUE : a + b;
    }
}
