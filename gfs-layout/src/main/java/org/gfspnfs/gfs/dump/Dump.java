package org.gfspnfs.gfs.dump;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.time.Instant;
import org.gfspnfs.gfs.InvalidArgumentException;
import org.gfspnfs.gfs.device.BlockDevice;
import org.gfspnfs.gfs.format.BlockState;
import org.gfspnfs.gfs.format.MetaType;
import org.gfspnfs.gfs.format.RgrpGeometry;
import org.gfspnfs.gfs.format.RgrpHeader;
import org.gfspnfs.gfs.format.Superblock;
import org.gfspnfs.gfs.fsck.Fsck;

/**
 * Human-readable views of on-disk structures (gfs2_edit / debugfs as a library): the superblock, the resource
 * groups, one inode, one directory, one journal. Read only; damaged blocks are shown with what is wrong with them
 * rather than refused, and every pointer is range-checked before it is followed.
 */
public final class Dump {
    private final Superblock sb;
    private final DumpReader reader;
    private final String sbStatus;

    private Dump(Superblock sb, DumpReader reader, String sbStatus) {
        this.sb = sb;
        this.reader = reader;
        this.sbStatus = sbStatus;
    }

    /** Opens {@code device}; fails if block 0 holds no gfs-layout superblock at all. */
    public static Dump open(BlockDevice device) throws IOException {
        Superblock sb = Fsck.readSuperblockUnverified(device);
        if (sb == null) {
            throw new InvalidArgumentException("no gfs-layout superblock on this device");
        }
        DumpReader r = new DumpReader(device, sb.blockSize(), Math.max(1, sb.totalBlocks()));
        return new Dump(sb, r, DumpReader.status(r.read(0), MetaType.SB, 0));
    }

    /** The superblock as stored (checksum verdict included). */
    public Superblock superblock() {
        return sb;
    }

    /** {@code dump DEVICE sb}. */
    public void superblock(PrintWriter out) {
        int bs = sb.blockSize();
        out.printf("superblock (block 0): %s%n", sbStatus);
        out.printf("  format version   %d%n", sb.version());
        out.printf("  block size       %d%n", bs);
        out.printf("  total blocks     %d (%s)%n", sb.totalBlocks(), bytes(sb.totalBlocks() * bs));
        out.printf("  uuid             %s%n", sb.uuid());
        out.printf("  lock table       %s%n", sb.lockTable());
        out.printf("  label            %s%n", sb.label());
        out.printf("  flags            0x%x%s%n", sb.flags(), sb.hasFenceArea() ? " (FENCE_AREA)" : "");
        out.printf("  fence area       %s%n", fenceArea());
        out.printf("  journals         %d x %d blocks (%s each), first at block %d%n", sb.journalCount(),
                sb.journalBlocks(), bytes((long) sb.journalBlocks() * bs), sb.journalStart());
        out.printf("  resource groups  %d x %d blocks (%s each), first at block %d%n", sb.rgrpCount(),
                sb.rgrpBlocks(), bytes((long) sb.rgrpBlocks() * bs), sb.rgrpStart());
        out.printf("  root dinode      %d%n", sb.rootDinode());
        out.printf("  mkfs time        %s%n", Instant.ofEpochSecond(sb.mkfsTime()));
        out.flush();
    }

    /**
     * Where the disk-fencing area is and whether a node has used it yet. Its slots are the membership module's
     * format (membership/README.md), so this shows only how many of its 4 KiB slots hold anything.
     */
    private String fenceArea() {
        if (!sb.hasFenceArea()) {
            return "none (format without the area: disk fencing uses a device of its own or <device>.fence)";
        }
        String where = String.format("blocks %d..%d (%s at byte %d)", sb.fenceStart(),
                sb.fenceStart() + sb.fenceBlocks() - 1, bytes(sb.fenceAreaBytes()), sb.fenceAreaOffset());
        if (sb.fenceAreaProblem() != null) {
            return where + ": " + sb.fenceAreaProblem();
        }
        try {
            ByteBuffer area = ByteBuffer.allocate((int) sb.fenceAreaBytes());
            reader.device().read(sb.fenceAreaOffset(), area);
            int slotSize = 4096;
            int used = 0;
            for (int slot = 0; slot < area.capacity() / slotSize; slot++) {
                used += isZero(area, slot * slotSize, slotSize) ? 0 : 1;
            }
            return where + (used == 0 ? ": all zero (no node has opened it yet)"
                    : ": " + used + " of " + area.capacity() / slotSize + " 4 KiB slots in use (header included)");
        } catch (IOException e) {
            return where + ": unreadable: " + e.getMessage();
        }
    }

    private static boolean isZero(ByteBuffer b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            if (b.get(i) != 0) {
                return false;
            }
        }
        return true;
    }

    /** {@code dump DEVICE rgrps}: one line per group, plus a 64-column picture of its bitmap. */
    public void rgrps(PrintWriter out) throws IOException {
        int bs = sb.blockSize();
        out.printf("%5s %10s %10s %8s %8s %8s %8s %10s  %s%n", "rgrp", "header", "data", "blocks", "free",
                "dinodes", "unlinked", "generation", "status");
        long totalFree = 0;
        int count = (int) Math.min(sb.rgrpCount(), Math.max(0, (reader.blocks() - sb.rgrpStart())
                / Math.max(1, sb.rgrpBlocks()) + 1));
        for (int i = 0; i < count; i++) {
            long addr = sb.rgrpAddress(i);
            if (!reader.contains(addr)) {
                out.printf("%5d %10d  beyond the device%n", i, addr);
                continue;
            }
            byte[] h = reader.read(addr);
            RgrpHeader rh = new RgrpHeader(h);
            int len = sb.rgrpLength(i);
            int k = RgrpGeometry.bitmapBlocks(bs, len);
            long[] states = new long[4];
            StringBuilder map = new StringBuilder();
            int data = len - k;
            int cols = Math.min(64, Math.max(1, data));
            long[] seg = new long[4];
            int col = 0;
            byte[][] bm = new byte[k][];
            bm[0] = h;
            for (int c = 1; c < k; c++) {
                bm[c] = reader.read(addr + c);
            }
            for (long j = 0; j < data; j++) {
                BlockState s = RgrpGeometry.get(bm[RgrpGeometry.blockOf(bs, j)], bs, j);
                states[s.code()]++;
                seg[s.code()]++;
                if ((j + 1) * cols / data > col || j == data - 1) {
                    map.append(segment(seg));
                    seg = new long[4];
                    col++;
                }
            }
            String status = DumpReader.status(h, MetaType.RG, addr);
            for (int c = 1; c < k; c++) {
                String st = DumpReader.status(bm[c], MetaType.RB, addr + c);
                if (!st.equals("ok")) {
                    status += "; bitmap block " + (addr + c) + ": " + st;
                }
            }
            if (rh.free() != states[0]) {
                status += "; header free " + rh.free() + " but bitmap has " + states[0];
            }
            totalFree += states[0];
            out.printf("%5d %10d %10d %8d %8d %8d %8d %10d  %s%n", i, addr, rh.dataStart(), rh.dataBlocks(),
                    rh.free(), rh.dinodes(), rh.unlinked(), rh.generation(), status);
            out.printf("      bitmap: free %d, used %d, unlinked %d, dinode %d  [%s]%n", states[0], states[1],
                    states[2], states[3], map);
        }
        out.printf("total free blocks (bitmaps): %d of %d%n", totalFree, reader.blocks());
        out.printf("legend: '.' free  '#' used  'i' dinodes  'u' unlinked  '+' mixed%n");
        out.flush();
    }

    private static char segment(long[] seg) {
        long total = seg[0] + seg[1] + seg[2] + seg[3];
        if (seg[0] == total) {
            return '.';
        }
        if (seg[1] == total) {
            return '#';
        }
        if (seg[3] == total) {
            return 'i';
        }
        if (seg[2] > 0) {
            return 'u';
        }
        return '+';
    }

    /** {@code dump DEVICE inode N}. */
    public void inode(long number, PrintWriter out) throws IOException {
        new InodeDump(sb, reader).print(number, out);
        out.flush();
    }

    /** {@code dump DEVICE dir N}. */
    public void directory(long number, PrintWriter out) throws IOException {
        new DirectoryDump(sb, reader).print(number, out);
        out.flush();
    }

    /** {@code dump DEVICE journal J}. */
    public void journal(int j, PrintWriter out) throws IOException {
        if (j < 0 || j >= sb.journalCount()) {
            throw new InvalidArgumentException("journal " + j + " does not exist (" + sb.journalCount()
                    + " journals)");
        }
        new JournalDump(sb, reader).print(j, out);
        out.flush();
    }

    static String bytes(long n) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? n + " B" : String.format("%.1f %s", v, units[u]);
    }
}
