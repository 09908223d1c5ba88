package org.gfspnfs.gfs.fsck;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gfspnfs.gfs.FileType;
import org.gfspnfs.gfs.format.BlockState;
import org.gfspnfs.gfs.format.DinodeBlock;
import org.gfspnfs.gfs.format.DirEntryFormat.Entry;
import org.gfspnfs.gfs.format.MetaType;
import org.gfspnfs.gfs.format.RgrpGeometry;
import org.gfspnfs.gfs.format.Superblock;

/**
 * Pass 3: everything reachable from the root, breadth first (each directory once, so a directory linked twice or
 * into its own subtree cannot make it loop). Every inode an entry names must be an allocated, verifying dinode of
 * the generation and type the entry records. Then link counts, then dinodes the bitmap knows but nothing reaches:
 * orphans (unlinked, nlink 0: freed as a mount's recovery would) and lost inodes (freed in repair mode).
 */
final class Walker {
    private static final class Node {
        final FileType type;
        final long generation;
        final long parent;
        int links = 1;
        int subdirs;

        Node(FileType type, long generation, long parent) {
            this.type = type;
            this.generation = generation;
            this.parent = parent;
        }
    }

    private final Blocks blocks;
    private final Superblock sb;
    private final Rgrps rgrps;
    private final Findings f;
    private final FsckProgress progress;
    private final TreeWalk tree;
    private final DirCheck dirs;
    private final InodeCheck check;
    private final Map<Long, Node> reached = new HashMap<>();
    private final ArrayDeque<Long> queue = new ArrayDeque<>();
    private final boolean reconnect;
    private final Map<Long, Lost> lost = new LinkedHashMap<>();
    private final Set<Long> referencedByLost = new HashSet<>();
    private long directories;
    private long lostAndFound;
    private boolean lostAndFoundNameTaken;

    /** A dinode nothing reaches, kept (in repair mode) to be reconnected under /lost+found. */
    record Lost(long ino, long generation, FileType type, List<Long> claimed) {
    }

    Walker(Blocks blocks, Superblock sb, Rgrps rgrps, Findings f, FsckProgress progress, boolean reconnect) {
        this.reconnect = reconnect;
        this.blocks = blocks;
        this.sb = sb;
        this.rgrps = rgrps;
        this.f = f;
        this.progress = progress;
        this.tree = new TreeWalk(blocks, rgrps, f);
        this.dirs = new DirCheck(blocks, rgrps, f, tree);
        this.check = new InodeCheck(blocks, sb, rgrps, f, tree);
    }

    long inodes() {
        return reached.size();
    }

    long directories() {
        return directories;
    }

    /** Lost dinodes no other lost directory names: the ones to link into /lost+found. */
    List<Lost> topLevelLost() {
        return lost.values().stream().filter(l -> !referencedByLost.contains(l.ino())).toList();
    }

    boolean hasLost() {
        return !lost.isEmpty();
    }

    /** The existing /lost+found directory, 0 if none; -1 if the name is taken by something else. */
    long lostAndFound() {
        return lostAndFoundNameTaken ? -1 : lostAndFound;
    }

    long root() {
        return sb.rootDinode();
    }

    /** Gives a lost dinode up: it and its blocks are freed. */
    void release(Lost l) {
        l.claimed().forEach(rgrps::release);
        rgrps.release(l.ino());
    }

    /** Returns false if the root directory is unusable (nothing else can be checked). */
    boolean run() throws IOException {
        long root = sb.rootDinode();
        byte[] d = blocks.read(root);
        String why = check.dinodeProblem(root, d);
        if (why == null && FileType.fromMode(new DinodeBlock(d).mode()) != FileType.DIRECTORY) {
            why = "is not a directory";
        }
        if (why != null) {
            if (!f.repair()) {
                f.error(Structure.DINODE, root, "root directory " + why);
                return false;
            }
            f.error(Structure.DINODE, root, "root directory " + why + ": recreated empty, what it held is "
                    + "reconnected under /" + LostAndFound.NAME);
            d = emptyRoot(root, d.length);
            blocks.put(root, d);
        }
        rgrps.claim(root, BlockState.DINODE);
        rgrps.noteGeneration(root, new DinodeBlock(d).generation());
        reached.put(root, new Node(FileType.DIRECTORY, new DinodeBlock(d).generation(), root));
        check.times(root, d);
        queue.add(root);
        while (!queue.isEmpty()) {
            long dir = queue.poll();
            directories++;
            progress.update("directories", directories, directories + queue.size());
            directory(dir);
        }
        linkCounts();
        leftovers();
        return true;
    }

    /** A fresh root directory dinode (generation 1: the root's handle is fixed). */
    private byte[] emptyRoot(long root, int bs) {
        byte[] b = new byte[bs];
        org.gfspnfs.gfs.format.Meta.init(b, MetaType.DI, root);
        DinodeBlock d = new DinodeBlock(b);
        long now = sb.mkfsTime();
        d.setNumber(root);
        d.setGeneration(1);
        d.setMode(FileType.DIRECTORY.modeBits() | 0755);
        d.setNlink(2);
        d.setBlocks(1);
        d.setAtime(now, 0);
        d.setMtime(now, 0);
        d.setCtime(now, 0);
        d.setChange(1);
        d.setParent(root);
        return b;
    }

    private void directory(long dir) throws IOException {
        long held = 1 + dirs.check(dir, this::judge, new ArrayList<>());
        byte[] d = blocks.read(dir);
        DinodeBlock db = new DinodeBlock(d);
        check.negativeSize(dir, d, 0);
        check.blockCount(dir, d, held);
        long parent = reached.get(dir).parent;
        if (db.parent() != parent) {
            f.error(Structure.DINODE, dir, "directory records parent " + db.parent() + " but is linked from "
                    + parent + (f.repair() ? ": corrected" : ""));
            if (f.repair()) {
                db.setParent(parent);
                blocks.put(dir, d);
            }
        }
    }

    /** The verdict on one directory entry's target (DirCheck.Judge). */
    private int judge(long dir, long block, Entry e) throws IOException {
        int code = judgeTarget(dir, block, e);
        if (code > 0 && dir == sb.rootDinode() && e.nameString().equals(LostAndFound.NAME)) {
            if (code == FileType.DIRECTORY.ordinal() + 1) {
                lostAndFound = e.ino();
            } else {
                lostAndFoundNameTaken = true;
            }
        }
        return code;
    }

    private int judgeTarget(long dir, long block, Entry e) throws IOException {
        long ino = e.ino();
        Node known = reached.get(ino);
        String why;
        if (known != null) {
            why = known.type == FileType.DIRECTORY ? "links directory " + ino + ", already linked from "
                    + known.parent : known.generation != e.gen() ? "records generation " + e.gen()
                    + " of inode " + ino + ", which has " + known.generation : null;
            if (why == null) {
                known.links++;
                return typeCode(dir, block, e, known.type);
            }
            return drop(dir, block, e, why);
        }
        why = targetProblem(ino, e);
        if (why != null) {
            return drop(dir, block, e, why);
        }
        byte[] d = blocks.read(ino);
        DinodeBlock db = new DinodeBlock(d);
        FileType type = FileType.fromMode(db.mode());
        rgrps.claim(ino, BlockState.DINODE);
        rgrps.noteGeneration(ino, db.generation());
        reached.put(ino, new Node(type, db.generation(), dir));
        check.times(ino, d);
        if (type == FileType.DIRECTORY) {
            reached.get(dir).subdirs++;
            queue.add(ino);
        } else {
            check.blockCount(ino, d, 1 + check.contents(ino, d, type, new ArrayList<>()));
        }
        return typeCode(dir, block, e, type);
    }

    private String targetProblem(long ino, Entry e) throws IOException {
        if (!rgrps.isData(ino)) {
            return "points at block " + ino + ", outside every data area";
        }
        if (rgrps.claimed(ino)) {
            return "points at block " + ino + ", which is used by another structure";
        }
        BlockState s = rgrps.actual(ino);
        Rgrps.Group g = rgrps.groupOf(ino);
        boolean bitmapTrusted = g.bitmapOk[RgrpGeometry.blockOf(sb.blockSize(), ino - g.dataStart)];
        if (bitmapTrusted && s != BlockState.DINODE && s != BlockState.UNLINKED) {
            return "points at block " + ino + ", which the bitmap does not mark as a dinode";
        }
        byte[] d = blocks.read(ino);
        String why = check.dinodeProblem(ino, d);
        if (why != null) {
            return "points at dinode " + ino + ", which " + why;
        }
        long gen = new DinodeBlock(d).generation();
        if (gen != e.gen()) {
            return "records generation " + e.gen() + " of inode " + ino + ", which has " + gen + " (stale entry)";
        }
        return null;
    }

    private int drop(long dir, long block, Entry e, String why) {
        f.error(Structure.DIR_ENTRY, block, "directory " + dir + ": entry '" + e.nameString() + "' " + why
                + (f.repair() ? ": removed" : ""));
        return -1;
    }

    private int typeCode(long dir, long block, Entry e, FileType type) {
        int code = type.ordinal() + 1;
        if (e.type() != code) {
            f.error(Structure.DIR_ENTRY, block, "directory " + dir + ": entry '" + e.nameString() + "' records "
                    + "type code " + e.type() + " but inode " + e.ino() + " is " + type
                    + (f.repair() ? ": corrected" : ""));
        }
        return code;
    }

    private void linkCounts() throws IOException {
        for (Map.Entry<Long, Node> e : reached.entrySet()) {
            Node n = e.getValue();
            int want = n.type == FileType.DIRECTORY ? 2 + n.subdirs : n.links;
            byte[] d = blocks.read(e.getKey());
            DinodeBlock db = new DinodeBlock(d);
            if (db.nlink() != want) {
                f.error(Structure.DINODE, e.getKey(), "link count " + db.nlink() + ", but "
                        + (n.type == FileType.DIRECTORY ? "2 + " + n.subdirs + " subdirectories" : want
                        + " entries name it") + (f.repair() ? ": corrected to " + want : ""));
                if (f.repair()) {
                    db.setNlink(want);
                    blocks.put(e.getKey(), d);
                }
            }
        }
    }

    /** Dinodes the bitmap knows that nothing reached: orphans, lost inodes, and blocks that are no dinode. */
    private void leftovers() throws IOException {
        for (Rgrps.Group g : rgrps.groups()) {
            progress.update("unlinked inodes", g.index, rgrps.groups().size());
            for (int j = 0; j < g.dataBlocks; j++) {
                BlockState s = BlockState.of(g.actual[j]);
                long addr = g.dataStart + j;
                if ((s == BlockState.DINODE || s == BlockState.UNLINKED) && !rgrps.claimed(addr)) {
                    leftover(addr, s);
                }
            }
        }
    }

    private void leftover(long addr, BlockState s) throws IOException {
        byte[] d = blocks.read(addr);
        String why = check.dinodeProblem(addr, d);
        if (why != null) {
            f.error(Structure.DINODE, addr, "is marked " + (s == BlockState.DINODE ? "a dinode" : "an unlinked "
                    + "dinode") + " in the bitmap but " + why + (f.repair() ? ": freed" : ""));
            rgrps.forgive(addr);
            return;
        }
        DinodeBlock db = new DinodeBlock(d);
        FileType type = FileType.fromMode(db.mode());
        boolean orphan = s == BlockState.UNLINKED && db.nlink() == 0;
        rgrps.claim(addr, orphan ? BlockState.UNLINKED : BlockState.DINODE);
        rgrps.noteGeneration(addr, db.generation());
        List<Long> claimed = new ArrayList<>();
        boolean keep = reconnect && !orphan;
        DirCheck.Judge names = (dir, block, e) -> {
            referencedByLost.add(e.ino());
            return e.type();
        };
        long held = 1 + (type == FileType.DIRECTORY ? dirs.check(addr, keep ? names : null, claimed)
                : check.contents(addr, d, type, claimed));
        String what = type + " inode, generation " + db.generation() + ", nlink " + db.nlink() + ", " + held
                + " blocks";
        if (orphan) {
            f.note(Structure.DINODE, addr, "orphan (" + what + "): unlinked and held by nobody"
                    + (f.repair() ? ": freed" : ": a mount or fsck -y frees it"), f.repair());
        } else {
            f.error(Structure.DINODE, addr, "(" + what + ") is not reachable from the root"
                    + (keep ? ": reconnecting" : f.repair() ? ": freed" : ""));
        }
        if (keep) {
            lost.put(addr, new Lost(addr, db.generation(), type, claimed));
        } else if (f.repair()) {
            claimed.forEach(rgrps::release);
            rgrps.release(addr);
        }
    }
}
