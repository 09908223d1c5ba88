package org.gfspnfs.gfs.fsck;

import java.io.IOException;
import java.util.List;
import org.gfspnfs.gfs.FileType;
import org.gfspnfs.gfs.format.BlockState;
import org.gfspnfs.gfs.format.DinodeBlock;
import org.gfspnfs.gfs.format.MetaType;
import org.gfspnfs.gfs.format.Superblock;

/**
 * The checks of one dinode's own fields (FORMAT.md "Dinode"): the header, type, height, size, timestamps, entry
 * count, the block tree of a non-directory and the blocks-held counter. Everything the core refuses to load
 * ({@code Inode.inconsistency}) is found here and, in repair mode, set to the nearest valid value.
 */
final class InodeCheck {
    private final Blocks blocks;
    private final Superblock sb;
    private final Rgrps rgrps;
    private final Findings f;
    private final TreeWalk tree;

    InodeCheck(Blocks blocks, Superblock sb, Rgrps rgrps, Findings f, TreeWalk tree) {
        this.blocks = blocks;
        this.sb = sb;
        this.rgrps = rgrps;
        this.f = f;
        this.tree = tree;
    }

    /** Why a block is not a usable dinode, or null. */
    String dinodeProblem(long addr, byte[] d) {
        String why = Blocks.problem(d, MetaType.DI, addr);
        if (why != null) {
            return "fails verification (" + why + ")";
        }
        DinodeBlock db = new DinodeBlock(d);
        if (db.number() != addr) {
            return "records inode number " + db.number();
        }
        if (FileType.fromMode(db.mode()) == null) {
            return "has mode 0" + Integer.toOctalString(db.mode()) + " with no valid file type";
        }
        if (db.height() > TreeWalk.MAX_HEIGHT) {
            return "has block tree height " + db.height();
        }
        return null;
    }

    /** Blocks a non-directory holds besides its dinode (claimed into {@code claimed}). */
    long contents(long ino, byte[] d, FileType type, List<Long> claimed) throws IOException {
        DinodeBlock db = new DinodeBlock(d);
        if (db.entries() != 0) {
            f.error(Structure.DINODE, ino, type + " inode records " + db.entries() + " directory entries"
                    + (f.repair() ? ": set to 0" : ""));
            if (f.repair()) {
                db.setEntries(0);
                blocks.put(ino, d);
            }
        }
        int room = d.length - DinodeBlock.CONTENT;
        if (type != FileType.REGULAR && db.height() != 0) {
            f.error(Structure.DINODE, ino, type + " inode has a block tree of height " + db.height()
                    + (f.repair() ? ": removed" : ""));
            if (f.repair()) {
                db.setHeight(0);
                java.util.Arrays.fill(d, DinodeBlock.CONTENT, d.length, (byte) 0);
                blocks.put(ino, d);
            }
            return 0;
        }
        if (db.height() == 0) {
            boolean content = type == FileType.REGULAR || type == FileType.SYMLINK;
            if (!content) {
                negativeSize(ino, d, 0);
            }
            if (content && (db.size() < 0 || db.size() > room)) {
                long fixed = Math.min(Math.max(db.size(), 0), room);
                f.error(Structure.DINODE, ino, type + " inode without a block tree records size " + db.size()
                        + ", more than its " + room + " content bytes" + (f.repair() ? ": set to " + fixed : ""));
                if (f.repair()) {
                    db.setSize(fixed);
                    blocks.put(ino, d);
                }
            }
            return 0;
        }
        long[] data = {0};
        long[] last = {-1};
        long indirect = tree.walk(ino, d, true, (l, p, node) -> {
            long a = p & TreeWalk.ADDR_MASK;
            if (rgrps.claim(a, BlockState.USED) != Rgrps.Claim.OK) {
                f.error(Structure.DATA, a, "data block " + l + " of inode " + ino + " (pointer in block " + node
                        + ") is already used by another structure" + (f.repair() ? ": pointer cleared" : ""));
                return false;
            }
            claimed.add(a);
            data[0]++;
            last[0] = Math.max(last[0], l);
            return true;
        }, claimed);
        negativeSize(ino, d, (last[0] + 1) * d.length);
        return indirect + data[0];
    }

    /** A negative size is never valid; the fix is the end of the last mapped block (or 0). */
    void negativeSize(long ino, byte[] d, long fixed) {
        DinodeBlock db = new DinodeBlock(d);
        if (db.size() >= 0) {
            return;
        }
        f.error(Structure.DINODE, ino, "size " + db.size() + " is negative" + (f.repair() ? ": set to " + fixed : ""));
        if (f.repair()) {
            db.setSize(fixed);
            blocks.put(ino, d);
        }
    }

    /** Timestamps must be representable (seconds within Instant's range, nanoseconds below one second). */
    void times(long ino, byte[] d) {
        DinodeBlock db = new DinodeBlock(d);
        long[][] t = {{db.atimeSec(), db.atimeNsec()}, {db.mtimeSec(), db.mtimeNsec()},
                {db.ctimeSec(), db.ctimeNsec()}};
        String[] names = {"atime", "mtime", "ctime"};
        long fallback = sb.mkfsTime();
        for (long[] x : t) {
            if (valid(x[0], x[1])) {
                fallback = x[0];
            }
        }
        boolean changed = false;
        for (int i = 0; i < 3; i++) {
            if (!valid(t[i][0], t[i][1])) {
                f.error(Structure.DINODE, ino, names[i] + " " + t[i][0] + "s " + t[i][1] + "ns is not a valid time"
                        + (f.repair() ? ": set to " + fallback + "s" : ""));
                t[i] = new long[] {fallback, 0};
                changed = true;
            }
        }
        if (changed && f.repair()) {
            db.setAtime(t[0][0], (int) t[0][1]);
            db.setMtime(t[1][0], (int) t[1][1]);
            db.setCtime(t[2][0], (int) t[2][1]);
            blocks.put(ino, d);
        }
    }

    static boolean valid(long sec, long nsec) {
        return sec >= java.time.Instant.MIN.getEpochSecond() && sec <= java.time.Instant.MAX.getEpochSecond()
                && nsec >= 0 && nsec < 1_000_000_000L;
    }

    void blockCount(long ino, byte[] d, long held) {
        DinodeBlock db = new DinodeBlock(d);
        if (db.blocks() != held) {
            f.error(Structure.DINODE, ino, "records " + db.blocks() + " blocks held, it holds " + held
                    + (f.repair() ? ": corrected" : ""));
            if (f.repair()) {
                db.setBlocks(held);
                blocks.put(ino, d);
            }
        }
    }
}
