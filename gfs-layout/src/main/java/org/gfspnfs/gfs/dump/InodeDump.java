package org.gfspnfs.gfs.dump;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.gfspnfs.gfs.FileType;
import org.gfspnfs.gfs.InvalidArgumentException;
import org.gfspnfs.gfs.format.BlockState;
import org.gfspnfs.gfs.format.DinodeBlock;
import org.gfspnfs.gfs.format.Meta;
import org.gfspnfs.gfs.format.MetaType;
import org.gfspnfs.gfs.format.RgrpGeometry;
import org.gfspnfs.gfs.format.Superblock;

/** {@code dump inode N}: the dinode's fields, then its block tree as indirect blocks and merged extents. */
final class InodeDump {
    static final long UNWRITTEN = 1L << 63;
    static final long ADDR_MASK = (1L << 56) - 1;
    private static final int MAX_EXTENTS = 500;

    /** Receives lowest-level pointers of a block tree. */
    interface Leaf {
        void visit(long lblk, long ptr);
    }

    private final Superblock sb;
    private final DumpReader reader;

    InodeDump(Superblock sb, DumpReader reader) {
        this.sb = sb;
        this.reader = reader;
    }

    void print(long n, PrintWriter out) throws IOException {
        byte[] b = dinode(reader, n);
        DinodeBlock d = new DinodeBlock(b);
        FileType type = FileType.fromMode(d.mode());
        out.printf("inode %d (block %d): %s; bitmap state %s%n", n, n, DumpReader.status(b, MetaType.DI, n),
                bitmapState(sb, reader, n));
        out.printf("  number %d  generation %d%n", d.number(), d.generation());
        out.printf("  type %s  mode 0%o  uid %d  gid %d  nlink %d%n", type == null ? "INVALID" : type,
                d.mode() & 07777, d.uid(), d.gid(), d.nlink());
        out.printf("  size %d  blocks %d  change %d  flags 0x%x%s%n", d.size(), d.blocks(), d.change(), d.flags(),
                (d.flags() & DinodeBlock.FLAG_EXHASH) != 0 ? " (EXHASH)" : "");
        out.printf("  atime %s  mtime %s  ctime %s%n", time(d.atimeSec(), d.atimeNsec()),
                time(d.mtimeSec(), d.mtimeNsec()), time(d.ctimeSec(), d.ctimeNsec()));
        out.printf("  parent %d  height %d  hash depth %d  entries %d  rdev %d%n", d.parent(), d.height(),
                d.depth(), d.entries(), d.rdev());
        if (d.height() == 0) {
            int room = b.length - DinodeBlock.CONTENT;
            if (type == FileType.SYMLINK) {
                int len = (int) Math.max(0, Math.min(d.size(), room));
                out.printf("  symlink target: %s%n", new String(b, DinodeBlock.CONTENT, len, StandardCharsets.UTF_8));
            } else if (type == FileType.DIRECTORY) {
                out.printf("  stuffed directory: %d entries inline (see 'dump dir %d')%n", d.entries(), n);
            } else {
                out.printf("  stuffed: %d bytes inline%n", Math.min(d.size(), room));
            }
            return;
        }
        List<String> indirect = new ArrayList<>();
        List<long[]> extents = new ArrayList<>();
        walk(reader, b, n, indirect, (l, p) -> addExtent(extents, l, p));
        out.printf("  indirect blocks (%d):%s%n", indirect.size(), indirect.isEmpty() ? " none" : "");
        for (int i = 0; i < Math.min(indirect.size(), 64); i++) {
            out.printf("    %s%n", indirect.get(i));
        }
        if (indirect.size() > 64) {
            out.printf("    ... %d more%n", indirect.size() - 64);
        }
        out.printf("  extents (%d):%n", extents.size());
        out.printf("    %12s %8s %12s  %s%n", "file block", "blocks", "device block", "state");
        for (int i = 0; i < Math.min(extents.size(), MAX_EXTENTS); i++) {
            long[] e = extents.get(i);
            out.printf("    %12d %8d %12d  %s%n", e[0], e[1], e[2], e[3] != 0 ? "unwritten" : "written");
        }
        if (extents.size() > MAX_EXTENTS) {
            out.printf("    ... %d more%n", extents.size() - MAX_EXTENTS);
        }
    }

    static byte[] dinode(DumpReader reader, long n) throws IOException {
        if (!reader.contains(n)) {
            throw new InvalidArgumentException("inode " + n + " is outside the filesystem (" + reader.blocks()
                    + " blocks)");
        }
        return reader.read(n);
    }

    private static void addExtent(List<long[]> extents, long l, long p) {
        long a = p & ADDR_MASK;
        long unw = (p & UNWRITTEN) != 0 ? 1 : 0;
        if (!extents.isEmpty()) {
            long[] last = extents.get(extents.size() - 1);
            if (last[0] + last[1] == l && last[2] + last[1] == a && last[3] == unw) {
                last[1]++;
                return;
            }
        }
        extents.add(new long[] {l, 1, a, unw});
    }

    /** Walks a block tree; unreadable or damaged indirect blocks are listed, not followed. */
    static void walk(DumpReader reader, byte[] dinode, long ino, List<String> indirect, Leaf leaf)
            throws IOException {
        int h = new DinodeBlock(dinode).height();
        if (h < 1 || h > 10) {
            return;
        }
        int bs = dinode.length;
        node(reader, dinode, DinodeBlock.CONTENT, (bs - DinodeBlock.CONTENT) / 8, h, 0, 0, indirect, leaf);
    }

    private static void node(DumpReader reader, byte[] node, int off, int n, int h, int level, long base,
                             List<String> indirect, Leaf leaf) throws IOException {
        int per = (node.length - Meta.HEADER_SIZE) / 8;
        long span = 1;
        for (int i = level + 1; i < h; i++) {
            span = span > Long.MAX_VALUE / per ? Long.MAX_VALUE : span * per;
        }
        ByteBuffer b = ByteBuffer.wrap(node);
        for (int i = 0; i < n; i++) {
            long p = b.getLong(off + 8 * i);
            if (p == 0) {
                continue;
            }
            long lblk = base + Math.min(span * i, Long.MAX_VALUE - base);
            if (level == h - 1) {
                leaf.visit(lblk, p);
                continue;
            }
            long a = p & ADDR_MASK;
            if (a != p || !reader.contains(a)) {
                indirect.add("level " + (level + 1) + " pointer " + i + ": " + p + " (INVALID, not followed)");
                continue;
            }
            byte[] child = reader.read(a);
            String st = DumpReader.status(child, MetaType.IN, a);
            indirect.add("level " + (level + 1) + " block " + a + " (from file block " + lblk + "): " + st);
            if (st.equals("ok")) {
                node(reader, child, Meta.HEADER_SIZE, per, h, level + 1, lblk, indirect, leaf);
            }
        }
    }

    /** The bitmap state of a block, or why it has none. */
    static String bitmapState(Superblock sb, DumpReader reader, long n) throws IOException {
        long rel = n - sb.rgrpStart();
        if (rel < 0 || sb.rgrpBlocks() <= 0) {
            return "none (not in a resource group)";
        }
        int i = (int) (rel / sb.rgrpBlocks());
        if (i >= sb.rgrpCount()) {
            return "none (beyond the last resource group)";
        }
        long header = sb.rgrpAddress(i);
        int k = RgrpGeometry.bitmapBlocks(sb.blockSize(), sb.rgrpLength(i));
        long j = n - header - k;
        if (j < 0) {
            return "none (resource group " + i + " header/bitmap block)";
        }
        byte[] bm = reader.read(header + RgrpGeometry.blockOf(sb.blockSize(), j));
        BlockState s = RgrpGeometry.get(bm, sb.blockSize(), j);
        return s + " (resource group " + i + ")";
    }

    private static String time(long sec, int nsec) {
        try {
            return Instant.ofEpochSecond(sec, Math.max(0, Math.min(nsec, 999_999_999))).toString();
        } catch (java.time.DateTimeException e) {
            return sec + "s";
        }
    }
}
