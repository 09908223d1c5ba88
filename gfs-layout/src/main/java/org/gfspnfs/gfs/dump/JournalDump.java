package org.gfspnfs.gfs.dump;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import org.gfspnfs.gfs.format.LogDescriptor;
import org.gfspnfs.gfs.format.LogHeader;
import org.gfspnfs.gfs.format.MetaType;
import org.gfspnfs.gfs.format.Superblock;
import org.gfspnfs.gfs.fsck.JournalScan;

/** {@code dump journal J}: commits (sequence, position, tail, body CRC), the head, descriptors and revokes. */
final class JournalDump {
    private static final int MAX_COMMITS = 40;
    private final Superblock sb;
    private final DumpReader reader;

    JournalDump(Superblock sb, DumpReader reader) {
        this.sb = sb;
        this.reader = reader;
    }

    void print(int j, PrintWriter out) throws IOException {
        JournalScan.Result r = JournalScan.scan(reader.device(), sb, j);
        long first = r.firstBlock();
        out.printf("journal %d: blocks %d..%d (%d blocks), %s%n", j, first, first + sb.journalBlocks() - 1,
                sb.journalBlocks(), r.head() == null ? "NO VALID COMMIT (cannot be mounted)"
                        : r.clean() ? "clean" : "DIRTY (a mount replays it)");
        List<JournalScan.Commit> commits = r.commits();
        out.printf("  %d valid commit blocks%s%n", commits.size(), commits.size() > MAX_COMMITS
                ? ", the last " + MAX_COMMITS + " shown" : "");
        out.printf("  %8s %6s %8s %-6s %5s %6s %8s %-9s %s%n", "sequence", "pos", "block", "flags", "body", "start",
                "tail seq", "body crc", "time");
        for (JournalScan.Commit c : commits.subList(Math.max(0, commits.size() - MAX_COMMITS), commits.size())) {
            LogHeader h = c.header();
            out.printf("  %8d %6d %8d %-6s %5d %6d %8d %-9s %s%s%n", h.seq(), c.position(), c.block(),
                    h.clean() ? "CLEAN" : "-", h.bodyBlocks(), h.startPos(), h.tailSeq(),
                    c.bodyValid() ? "ok" : "BAD", Instant.ofEpochMilli(h.timeMillis()),
                    c == r.head() ? "   <- head" : "");
        }
        for (JournalScan.Damaged d : r.damaged()) {
            out.printf("  damaged %s block at position %d (block %d), claims sequence %d%n",
                    d.type() == null ? "log" : d.type(), d.position(), d.block(), d.claimedSeq());
        }
        if (r.head() != null && r.head().header().bodyBlocks() > 0) {
            body(j, r.head(), out);
        }
    }

    /** The head transaction's descriptors: metadata lists and revokes. */
    private void body(int j, JournalScan.Commit head, PrintWriter out) throws IOException {
        LogHeader h = head.header();
        out.printf("  head transaction %d: %d body blocks from position %d%n", h.seq(), h.bodyBlocks(),
                h.startPos());
        int i = 0;
        while (i < h.bodyBlocks() && i < sb.journalBlocks()) {
            long pos = h.startPos() + i;
            byte[] b = JournalScan.block(reader.device(), sb, j, pos);
            long addr = sb.journalBlock(j) + Math.floorMod(pos, sb.journalBlocks());
            String st = DumpReader.status(b, MetaType.LD, addr);
            if (!st.equals("ok")) {
                out.printf("    position %d (block %d): not a valid descriptor: %s%n", pos, addr, st);
                return;
            }
            LogDescriptor d = LogDescriptor.decode(b);
            boolean revoke = d.kind() == LogDescriptor.REVOKE;
            out.printf("    position %d (block %d): %s descriptor, sequence %d, %d blocks:%s%n", pos, addr,
                    revoke ? "REVOKE" : "METADATA", d.seq(), d.addresses().length, list(d.addresses()));
            i += 1 + (revoke ? 0 : d.addresses().length);
        }
    }

    private static String list(long[] a) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(a.length, 32); i++) {
            sb.append(' ').append(a[i]);
        }
        if (a.length > 32) {
            sb.append(" ... ").append(a.length - 32).append(" more");
        }
        return sb.toString();
    }
}
