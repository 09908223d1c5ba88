package org.gfspnfs.gfs.fsck;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gfspnfs.gfs.format.BlockState;
import org.gfspnfs.gfs.format.DinodeBlock;
import org.gfspnfs.gfs.format.DirEntryFormat;
import org.gfspnfs.gfs.format.DirEntryFormat.Entry;
import org.gfspnfs.gfs.format.Meta;
import org.gfspnfs.gfs.format.MetaType;

/**
 * One directory's structure (FORMAT.md "Directories"): stuffed entries, or the hash table (block tree of JD blocks),
 * its leaves (each covering the aligned run of 2^(depth-local depth) slots that point at it) and their chains, then
 * every entry: well formed, hash matching the name, in the leaf its hash selects, unique name and cookie. Whether the
 * inode an entry names is acceptable is the {@link Judge}'s call. A table that cannot be trusted empties the
 * directory in repair mode (its inodes then show up as unreachable); a bad leaf is reinitialized empty in place.
 */
final class DirCheck {
    static final int MAX_DEPTH = 17;
    private static final int LEAF_ENTRIES = 40;

    /** Decides on an entry's target: returns the type byte to keep (possibly corrected) or -1 to remove it. */
    interface Judge {
        int judge(long dir, long block, Entry e) throws IOException;
    }

    private record Leaf(long addr, long firstSlot, long slots) {
    }

    private final Blocks blocks;
    private final Rgrps rgrps;
    private final Findings f;
    private final TreeWalk tree;

    DirCheck(Blocks blocks, Rgrps rgrps, Findings f, TreeWalk tree) {
        this.blocks = blocks;
        this.rgrps = rgrps;
        this.f = f;
        this.tree = tree;
    }

    /**
     * Checks directory {@code dir}; returns the blocks it holds besides its dinode, each also added to
     * {@code claimed}. With a null judge only the structure is checked (a directory nothing reaches).
     */
    long check(long dir, Judge judge, List<Long> claimed) throws IOException {
        byte[] d = blocks.read(dir);
        DinodeBlock db = new DinodeBlock(d);
        boolean hashed = (db.flags() & DinodeBlock.FLAG_EXHASH) != 0;
        if (!hashed) {
            if (db.height() != 0) {
                f.error(Structure.DINODE, dir, "stuffed directory has a block tree of height " + db.height()
                        + (f.repair() ? ": emptied" : ""));
                resetEmpty(dir, d);
                return 0;
            }
            int kept = entries(dir, dir, d, DinodeBlock.CONTENT, db.entries(), Structure.DINODE, 0, 1L << 32,
                    0, judge, new HashSet<>(), new HashSet<>());
            fixCount(dir, d, kept, judge);
            return 0;
        }
        List<Long> mine = new ArrayList<>();
        List<Leaf> leaves = structure(dir, d, mine);
        claimed.addAll(mine);
        if (leaves == null) {
            if (f.repair()) {
                mine.forEach(rgrps::release);
                resetEmpty(dir, d);
            }
            return f.repair() ? 0 : mine.size();
        }
        int depth = db.depth();
        int total = 0;
        Set<String> names = new HashSet<>();
        Set<Long> cookies = new HashSet<>();
        for (Leaf l : leaves) {
            byte[] lb = blocks.read(l.addr());
            int count = ByteBuffer.wrap(lb).getShort(26) & 0xffff;
            total += entries(dir, l.addr(), lb, LEAF_ENTRIES, count, Structure.DIR_LEAF, l.firstSlot(), l.slots(),
                    depth, judge, names, cookies);
        }
        fixCount(dir, d, total, judge);
        return mine.size();
    }

    private void fixCount(long dir, byte[] d, int kept, Judge judge) {
        DinodeBlock db = new DinodeBlock(d);
        if (judge != null && db.entries() != kept) {
            f.error(Structure.DINODE, dir, "directory records " + db.entries() + " entries, it holds " + kept
                    + (f.repair() ? ": corrected" : ""));
            if (f.repair()) {
                db.setEntries(kept);
                blocks.put(dir, d);
            }
        }
    }

    /** Table, leaves and chains; null if the table itself cannot be trusted. Claims what it verifies. */
    private List<Leaf> structure(long dir, byte[] d, List<Long> mine) throws IOException {
        DinodeBlock db = new DinodeBlock(d);
        int depth = db.depth();
        if (depth > MAX_DEPTH) {
            f.error(Structure.DINODE, dir, "directory hash depth " + depth + " exceeds " + MAX_DEPTH + dropped());
            return null;
        }
        int per = tree.indirectPtrs();
        long slots = 1L << depth;
        int tableBlocks = (int) ((slots + per - 1) / per);
        long[] table = new long[tableBlocks];
        boolean[] bad = {false};
        tree.walk(dir, d, false, (l, p, node) -> {
            if (l >= tableBlocks) {
                f.error(Structure.DIR_TABLE, p, "directory " + dir + ": hash-table block " + l + " lies beyond the "
                        + slots + " slots" + (f.repair() ? ": pointer cleared" : ""));
                return false;
            }
            String why = Blocks.problem(blocks.read(p), MetaType.JD, p);
            if (why == null && rgrps.claim(p, BlockState.USED) != Rgrps.Claim.OK) {
                why = "is already used by another structure";
            }
            if (why != null) {
                f.error(Structure.DIR_TABLE, p, "directory " + dir + ": hash-table block " + l + ": " + why
                        + dropped());
                bad[0] = true;
                return true;
            }
            mine.add(p);
            table[(int) l] = p;
            return true;
        }, mine);
        for (int l = 0; l < tableBlocks && !bad[0]; l++) {
            if (table[l] == 0) {
                f.error(Structure.DIR_TABLE, dir, "directory " + dir + ": hash-table block " + l + " is missing"
                        + dropped());
                bad[0] = true;
            }
        }
        if (bad[0]) {
            return null;
        }
        long[] slot = new long[(int) slots];
        for (int t = 0; t < slots; t++) {
            slot[t] = ByteBuffer.wrap(blocks.read(table[t / per])).getLong(Meta.HEADER_SIZE + 8 * (t % per));
        }
        return leaves(dir, depth, slot, table, per, mine);
    }

    private List<Leaf> leaves(long dir, int depth, long[] slot, long[] table, int per, List<Long> mine)
            throws IOException {
        List<Leaf> out = new ArrayList<>();
        int t = 0;
        while (t < slot.length) {
            long a = slot[t];
            int run = 1;
            while (t + run < slot.length && slot[t + run] == a) {
                run++;
            }
            String why = null;
            if (Integer.bitCount(run) != 1 || t % run != 0) {
                why = "leaf " + a + " fills slots " + t + ".." + (t + run - 1) + ", not an aligned power of two";
            } else if (!rgrps.isData(a)) {
                why = "slot " + t + " points at " + a + ", outside every data area";
            } else if (rgrps.claimed(a)) {
                why = "leaf " + a + " is already used by another structure";
            }
            if (why != null) {
                f.error(Structure.DIR_TABLE, table[t / per], "directory " + dir + ": " + why + dropped());
                return null;
            }
            int local = depth - Integer.numberOfTrailingZeros(run);
            leaf(dir, a, local);
            rgrps.claim(a, BlockState.USED);
            mine.add(a);
            out.add(new Leaf(a, t, run));
            chain(dir, a, local, t, run, mine, out);
            t += run;
        }
        return out;
    }

    /** Verifies a leaf head; a damaged one is reinitialized empty (repair) with the depth the table implies. */
    private void leaf(long dir, long a, int local) throws IOException {
        byte[] lb = blocks.read(a);
        String why = Blocks.problem(lb, MetaType.LF, a);
        if (why != null) {
            f.error(Structure.DIR_LEAF, a, "directory " + dir + ": leaf " + why
                    + (f.repair() ? ": reinitialized empty, its entries are lost" : ""));
            if (f.repair()) {
                byte[] fresh = new byte[lb.length];
                Meta.init(fresh, MetaType.LF, a);
                ByteBuffer.wrap(fresh).putShort(24, (short) local);
                blocks.put(a, fresh);
            }
            return;
        }
        int recorded = ByteBuffer.wrap(lb).getShort(24) & 0xffff;
        if (recorded != local) {
            f.error(Structure.DIR_LEAF, a, "directory " + dir + ": leaf has local depth " + recorded
                    + " but the table gives it depth " + local + (f.repair() ? ": corrected" : ""));
            if (f.repair()) {
                ByteBuffer.wrap(lb).putShort(24, (short) local);
                blocks.put(a, lb);
            }
        }
    }

    private void chain(long dir, long head, int local, long first, long slots, List<Long> mine, List<Leaf> out)
            throws IOException {
        long cur = head;
        for (long steps = 0; steps < blocks.total(); steps++) {
            byte[] cb = blocks.read(cur);
            if (Blocks.problem(cb, MetaType.LF, cur) != null) {
                return;
            }
            long next = ByteBuffer.wrap(cb).getLong(32);
            if (next == 0) {
                return;
            }
            String why = !rgrps.isData(next) ? "is outside every data area"
                    : rgrps.claimed(next) ? "is already used (a loop or a shared leaf)"
                    : Blocks.problem(blocks.read(next), MetaType.LF, next);
            if (why != null) {
                f.error(Structure.DIR_LEAF, cur, "directory " + dir + ": next leaf " + next + " " + why
                        + (f.repair() ? ": chain cut here" : ""));
                if (f.repair()) {
                    ByteBuffer.wrap(cb).putLong(32, 0);
                    blocks.put(cur, cb);
                }
                return;
            }
            rgrps.claim(next, BlockState.USED);
            mine.add(next);
            out.add(new Leaf(next, first, slots));
            leaf(dir, next, local);
            cur = next;
        }
    }

    /** Checks a packed run of entries; rewrites it without the removed ones (repair). Returns entries kept. */
    private int entries(long dir, long addr, byte[] blk, int start, int count, Structure s, long firstSlot,
                        long slots, int depth, Judge judge, Set<String> names, Set<Long> cookies) throws IOException {
        List<Entry> all = parse(dir, addr, blk, start, count, s);
        boolean changed = all.size() != count;
        List<Entry> kept = new ArrayList<>();
        for (Entry e : all) {
            String why = entryProblem(e, depth, firstSlot, slots, names, cookies);
            if (why != null) {
                f.error(Structure.DIR_ENTRY, addr, "directory " + dir + ": entry '" + printable(e) + "' " + why
                        + (f.repair() ? ": removed" : ""));
                changed = true;
                continue;
            }
            int type = judge == null ? e.type() : judge.judge(dir, addr, e);
            if (type < 0) {
                changed = true;
                continue;
            }
            if (type != e.type()) {
                changed = true;
                e = new Entry(e.hash(), e.seq(), e.ino(), e.gen(), type, e.name(), e.offset());
            }
            kept.add(e);
        }
        if (changed && f.repair() && judge != null) {
            rewrite(addr, blk, start, kept, s == Structure.DIR_LEAF);
        }
        return kept.size();
    }

    private List<Entry> parse(long dir, long addr, byte[] blk, int start, int count, Structure s) {
        List<Entry> out = new ArrayList<>();
        int off = start;
        for (int i = 0; i < count; i++) {
            if (off + DirEntryFormat.FIXED > blk.length || blk[off + 25] == 0
                    || off + DirEntryFormat.FIXED + (blk[off + 25] & 0xff) > blk.length) {
                f.error(s, addr, "directory " + dir + ": entry " + i + " of " + count + " is malformed"
                        + (f.repair() ? ": it and the rest of this block dropped" : ""));
                break;
            }
            Entry e = DirEntryFormat.read(blk, off);
            out.add(e);
            off += e.size();
        }
        return out;
    }

    private static String entryProblem(Entry e, int depth, long firstSlot, long slots, Set<String> names,
                                       Set<Long> cookies) {
        byte[] n = e.name();
        String name = e.nameString();
        for (byte c : n) {
            if (c == 0 || c == '/') {
                return "has a name with '/' or NUL";
            }
        }
        if (name.equals(".") || name.equals("..")) {
            return "is a stored '.' or '..'";
        }
        if (e.hash() != DirEntryFormat.hash(n)) {
            return "stores hash " + Integer.toHexString(e.hash()) + " but its name hashes to "
                    + Integer.toHexString(DirEntryFormat.hash(n));
        }
        if (Integer.compareUnsigned(e.seq(), DirEntryFormat.MIN_SEQ) < 0) {
            return "has cookie sequence " + e.seq() + " below " + DirEntryFormat.MIN_SEQ;
        }
        long t = depth == 0 ? 0 : (e.hash() & 0xffffffffL) >>> (32 - depth);
        if (t < firstSlot || t >= firstSlot + slots) {
            return "is in the leaf of slots " + firstSlot + ".." + (firstSlot + slots - 1) + " but hashes to slot " + t;
        }
        if (e.type() < 1 || e.type() > 7) {
            return "has file type code " + e.type();
        }
        if (!names.add(name)) {
            return "duplicates a name";
        }
        if (!cookies.add(e.cookie())) {
            return "duplicates cookie " + Long.toUnsignedString(e.cookie());
        }
        return null;
    }

    private void rewrite(long addr, byte[] blk, int start, List<Entry> kept, boolean leaf) {
        Arrays.fill(blk, start, blk.length, (byte) 0);
        int off = start;
        for (Entry e : kept) {
            DirEntryFormat.write(blk, off, e);
            off += e.size();
        }
        if (leaf) {
            ByteBuffer.wrap(blk).putShort(26, (short) kept.size());
        }
        blocks.put(addr, blk);
    }

    private void resetEmpty(long dir, byte[] d) {
        if (!f.repair()) {
            return;
        }
        Arrays.fill(d, DinodeBlock.CONTENT, d.length, (byte) 0);
        DinodeBlock db = new DinodeBlock(d);
        db.setFlags(db.flags() & ~DinodeBlock.FLAG_EXHASH);
        db.setHeight(0);
        db.setDepth(0);
        db.setEntries(0);
        db.setBlocks(1);
        blocks.put(dir, d);
    }

    private String dropped() {
        return f.repair() ? ": directory emptied, its entries are lost" : "";
    }

    private static String printable(Entry e) {
        return new String(e.name(), StandardCharsets.UTF_8).replaceAll("\\p{Cntrl}", "?");
    }
}
