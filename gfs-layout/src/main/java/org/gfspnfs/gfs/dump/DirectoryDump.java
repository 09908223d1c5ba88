package org.gfspnfs.gfs.dump;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.gfspnfs.gfs.FileType;
import org.gfspnfs.gfs.format.DinodeBlock;
import org.gfspnfs.gfs.format.DirEntryFormat;
import org.gfspnfs.gfs.format.DirEntryFormat.Entry;
import org.gfspnfs.gfs.format.Meta;
import org.gfspnfs.gfs.format.MetaType;
import org.gfspnfs.gfs.format.Superblock;

/** {@code dump dir N}: layout (stuffed or hash table and leaves) and every entry with its hash and cookie. */
final class DirectoryDump {
    private static final int LEAF_ENTRIES = 40;
    private final Superblock sb;
    private final DumpReader reader;

    DirectoryDump(Superblock sb, DumpReader reader) {
        this.sb = sb;
        this.reader = reader;
    }

    void print(long n, PrintWriter out) throws IOException {
        byte[] b = InodeDump.dinode(reader, n);
        DinodeBlock d = new DinodeBlock(b);
        out.printf("directory %d (block %d): %s%n", n, n, DumpReader.status(b, MetaType.DI, n));
        if (FileType.fromMode(d.mode()) != FileType.DIRECTORY) {
            out.printf("  not a directory (mode 0%o)%n", d.mode());
            return;
        }
        List<Entry> entries = new ArrayList<>();
        if ((d.flags() & DinodeBlock.FLAG_EXHASH) == 0) {
            out.printf("  stuffed: %d entries in the dinode, parent %d%n", d.entries(), d.parent());
            parse(b, DinodeBlock.CONTENT, d.entries(), entries, out);
        } else {
            hashed(n, b, d, entries, out);
        }
        entries.sort((x, y) -> Long.compareUnsigned(x.cookie(), y.cookie()));
        out.printf("  %-20s %-8s %-6s %12s %10s %-12s %s%n", "cookie", "hash", "seq", "inode", "generation",
                "type", "name");
        for (Entry e : entries) {
            FileType t = e.type() >= 1 && e.type() <= FileType.values().length ? FileType.values()[e.type() - 1]
                    : null;
            boolean hashOk = e.hash() == DirEntryFormat.hash(e.name());
            out.printf("  %-20s %08x %-6d %12d %10d %-12s %s%s%n", Long.toUnsignedString(e.cookie()), e.hash(),
                    e.seq(), e.ino(), e.gen(), t == null ? "?" + e.type() : t, e.nameString(),
                    hashOk ? "" : "   (HASH MISMATCH)");
        }
        out.printf("  %d entries listed (dinode records %d)%n", entries.size(), d.entries());
    }

    private void hashed(long n, byte[] b, DinodeBlock d, List<Entry> entries, PrintWriter out) throws IOException {
        int depth = d.depth();
        out.printf("  hashed: table depth %d (%d slots), height %d, parent %d%n", depth, 1L << Math.min(depth, 30),
                d.height(), d.parent());
        if (depth > 17) {
            out.printf("  depth is impossible (max 17): table not read%n");
            return;
        }
        int per = (b.length - Meta.HEADER_SIZE) / 8;
        int slots = 1 << depth;
        long[] table = new long[(slots + per - 1) / per];
        List<String> indirect = new ArrayList<>();
        InodeDump.walk(reader, b, n, indirect, (l, p) -> {
            if (l < table.length) {
                table[(int) l] = p;
            }
        });
        long[] slot = new long[slots];
        for (int t = 0; t < table.length; t++) {
            long a = table[t];
            byte[] jd = a != 0 && reader.contains(a) ? reader.read(a) : null;
            String st = jd == null ? "MISSING" : DumpReader.status(jd, MetaType.JD, a);
            out.printf("  table block %d: %d %s%n", t, a, st);
            for (int k = 0; jd != null && k < per && t * per + k < slots; k++) {
                slot[t * per + k] = ByteBuffer.wrap(jd).getLong(Meta.HEADER_SIZE + 8 * k);
            }
        }
        int t = 0;
        while (t < slots) {
            long a = slot[t];
            int run = 1;
            while (t + run < slots && slot[t + run] == a) {
                run++;
            }
            out.printf("  slots %d..%d -> leaf %d%n", t, t + run - 1, a);
            leafChain(a, entries, out);
            t += run;
        }
    }

    private void leafChain(long a, List<Entry> entries, PrintWriter out) throws IOException {
        long cur = a;
        for (int steps = 0; cur != 0 && steps < 1000; steps++) {
            if (!reader.contains(cur)) {
                out.printf("    leaf %d: outside the filesystem%n", cur);
                return;
            }
            byte[] lb = reader.read(cur);
            ByteBuffer bb = ByteBuffer.wrap(lb);
            String st = DumpReader.status(lb, MetaType.LF, cur);
            int count = bb.getShort(26) & 0xffff;
            long next = bb.getLong(32);
            out.printf("    leaf %d: %s, local depth %d, %d entries, next %d%n", cur, st, bb.getShort(24) & 0xffff,
                    count, next);
            if (!st.equals("ok")) {
                return;
            }
            parse(lb, LEAF_ENTRIES, count, entries, out);
            cur = next;
        }
    }

    private static void parse(byte[] blk, int start, int count, List<Entry> out, PrintWriter w) {
        int off = start;
        for (int i = 0; i < count; i++) {
            if (off + DirEntryFormat.FIXED > blk.length || blk[off + 25] == 0
                    || off + DirEntryFormat.FIXED + (blk[off + 25] & 0xff) > blk.length) {
                w.printf("    entry %d of %d at offset %d is malformed; the rest is not shown%n", i, count, off);
                return;
            }
            Entry e = DirEntryFormat.read(blk, off);
            out.add(e);
            off += e.size();
        }
    }
}
