package org.gfspnfs.gfs.fsck;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.gfspnfs.gfs.FileType;
import org.gfspnfs.gfs.format.BlockState;
import org.gfspnfs.gfs.format.DinodeBlock;
import org.gfspnfs.gfs.format.DirEntryFormat;
import org.gfspnfs.gfs.format.DirEntryFormat.Entry;
import org.gfspnfs.gfs.format.Meta;
import org.gfspnfs.gfs.format.MetaType;
import org.gfspnfs.gfs.format.Superblock;

/**
 * Repair: links inodes nothing reaches into {@code /lost+found} as {@code #<inode>} (e2fsck and fsck.gfs2 do the
 * same), creating the directory if needed. Entries go where there is room (the stuffed area, or the leaf the name
 * hashes to); an inode that finds none is freed instead. Link counts, parents and counters of what was attached
 * are left to the second walk fsck runs afterwards.
 */
final class LostAndFound {
    static final String NAME = "lost+found";
    private static final int LEAF_ENTRIES = 40;

    private final Blocks blocks;
    private final Superblock sb;
    private final Rgrps rgrps;
    private final Findings f;
    private final Clock clock;
    private final Walker walker;

    LostAndFound(Blocks blocks, Superblock sb, Rgrps rgrps, Findings f, Clock clock, Walker walker) {
        this.blocks = blocks;
        this.sb = sb;
        this.rgrps = rgrps;
        this.f = f;
        this.clock = clock;
        this.walker = walker;
    }

    /** Attaches every top-level lost inode or frees it; returns how many were attached. */
    int attach() throws IOException {
        List<Walker.Lost> top = walker.topLevelLost();
        if (top.isEmpty()) {
            return 0;
        }
        long lf = walker.lostAndFound();
        if (lf == 0) {
            lf = create();
        }
        int attached = 0;
        for (Walker.Lost l : top) {
            String name = "#" + l.ino();
            if (lf > 0 && insert(lf, name, l.ino(), l.generation(), l.type())) {
                f.note(Structure.DINODE, l.ino(), "reconnected as /" + NAME + "/" + name, true);
                attached++;
            } else {
                f.note(Structure.DINODE, l.ino(), (lf > 0 ? "no room in /" + NAME : "no /" + NAME + " possible")
                        + ": freed instead", true);
                walker.release(l);
            }
        }
        return attached;
    }

    /** A new, empty, stuffed /lost+found linked into the root; 0 if there is no room or no free block. */
    private long create() throws IOException {
        long addr = freeBlock();
        if (addr == 0) {
            return 0;
        }
        Rgrps.Group g = rgrps.groupOf(addr);
        long gen = Math.max(Math.max(g.maxGeneration, g.rawGeneration), g.fsckGeneration) + 1;
        rgrps.allocateDinode(addr, gen);
        byte[] b = new byte[sb.blockSize()];
        Meta.init(b, MetaType.DI, addr);
        DinodeBlock d = new DinodeBlock(b);
        Instant now = clock.instant();
        d.setNumber(addr);
        d.setGeneration(gen);
        d.setMode(FileType.DIRECTORY.modeBits() | 0700);
        d.setNlink(2);
        d.setBlocks(1);
        d.setAtime(now.getEpochSecond(), now.getNano());
        d.setMtime(now.getEpochSecond(), now.getNano());
        d.setCtime(now.getEpochSecond(), now.getNano());
        d.setChange(1);
        d.setParent(walker.root());
        blocks.put(addr, b);
        if (!insert(walker.root(), NAME, addr, gen, FileType.DIRECTORY)) {
            rgrps.release(addr);
            return 0;
        }
        f.note(Structure.DINODE, addr, "created /" + NAME, true);
        return addr;
    }

    private long freeBlock() {
        for (Rgrps.Group g : rgrps.groups()) {
            for (int j = 0; j < g.dataBlocks; j++) {
                if (g.expected[j] == BlockState.FREE.code() && g.actual[j] == BlockState.FREE.code()) {
                    return g.dataStart + j;
                }
            }
        }
        return 0;
    }

    /** Adds an entry to directory {@code dir} where its hash says, if there is room and the name is new. */
    private boolean insert(long dir, String name, long ino, long gen, FileType type) throws IOException {
        byte[] d = blocks.read(dir);
        DinodeBlock db = new DinodeBlock(d);
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        int hash = DirEntryFormat.hash(n);
        if ((db.flags() & DinodeBlock.FLAG_EXHASH) == 0) {
            if (!append(d, DinodeBlock.CONTENT, db.entries(), n, hash, ino, gen, type, false)) {
                return false;
            }
            db.setEntries(db.entries() + 1);
            blocks.put(dir, d);
            return true;
        }
        long leaf = leafFor(d, hash);
        for (int steps = 0; leaf != 0 && rgrps.isData(leaf) && steps < 1000; steps++) {
            byte[] lb = blocks.read(leaf);
            if (Blocks.problem(lb, MetaType.LF, leaf) != null) {
                return false;
            }
            int count = ByteBuffer.wrap(lb).getShort(26) & 0xffff;
            if (append(lb, LEAF_ENTRIES, count, n, hash, ino, gen, type, true)) {
                blocks.put(leaf, lb);
                db.setEntries(db.entries() + 1);
                blocks.put(dir, d);
                return true;
            }
            leaf = ByteBuffer.wrap(lb).getLong(32);
        }
        return false;
    }

    private static boolean append(byte[] blk, int start, int count, byte[] name, int hash, long ino, long gen,
                                  FileType type, boolean leaf) {
        List<Entry> es = new ArrayList<>();
        int off = start;
        for (int i = 0; i < count; i++) {
            Entry e = DirEntryFormat.read(blk, off);
            es.add(e);
            off += e.size();
        }
        int seq = DirEntryFormat.MIN_SEQ;
        for (Entry e : es) {
            if (java.util.Arrays.equals(e.name(), name)) {
                return false;
            }
            if (e.hash() == hash && e.seq() >= seq) {
                seq = e.seq() + 1;
            }
        }
        if (off + DirEntryFormat.size(name) > blk.length) {
            return false;
        }
        DirEntryFormat.write(blk, off, new Entry(hash, seq, ino, gen, type.ordinal() + 1, name, off));
        if (leaf) {
            ByteBuffer.wrap(blk).putShort(26, (short) (count + 1));
        }
        return true;
    }

    /** The head leaf a hash selects in a hashed directory (0 if the path is not usable). */
    private long leafFor(byte[] d, int hash) throws IOException {
        DinodeBlock db = new DinodeBlock(d);
        int depth = db.depth();
        long slot = depth == 0 ? 0 : (hash & 0xffffffffL) >>> (32 - depth);
        int per = (sb.blockSize() - Meta.HEADER_SIZE) / 8;
        long table = treeGet(d, slot / per);
        if (table == 0 || !rgrps.isData(table)) {
            return 0;
        }
        byte[] jd = blocks.read(table);
        return Blocks.problem(jd, MetaType.JD, table) != null ? 0
                : ByteBuffer.wrap(jd).getLong(Meta.HEADER_SIZE + 8 * (int) (slot % per));
    }

    private long treeGet(byte[] d, long lblk) throws IOException {
        int h = new DinodeBlock(d).height();
        int dinodePtrs = (sb.blockSize() - DinodeBlock.CONTENT) / 8;
        int per = (sb.blockSize() - Meta.HEADER_SIZE) / 8;
        if (h < 1 || h > TreeWalk.MAX_HEIGHT) {
            return 0;
        }
        long span = 1;
        for (int i = 1; i < h; i++) {
            span = span > Long.MAX_VALUE / per ? Long.MAX_VALUE : span * per;
        }
        byte[] node = d;
        int off = DinodeBlock.CONTENT;
        long rest = lblk;
        for (int level = 0; level < h; level++) {
            long idx = rest / span;
            if (idx >= (level == 0 ? dinodePtrs : per)) {
                return 0;
            }
            long p = ByteBuffer.wrap(node).getLong(off + 8 * (int) idx);
            if (level == h - 1 || p == 0 || !rgrps.isData(p)) {
                return level == h - 1 ? p : 0;
            }
            rest %= span;
            span /= per;
            node = blocks.read(p);
            off = Meta.HEADER_SIZE;
        }
        return 0;
    }
}
