package org.gfspnfs.gfs.fsck;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.CRC32C;
import org.gfspnfs.gfs.device.BlockDevice;
import org.gfspnfs.gfs.format.LogHeader;
import org.gfspnfs.gfs.format.Meta;
import org.gfspnfs.gfs.format.MetaType;
import org.gfspnfs.gfs.format.Superblock;
import org.gfspnfs.gfs.journal.JournalArea;

/**
 * Read-only inspection of one journal (FORMAT.md "Journal"): every valid commit block with its body CRC status,
 * the head, and log blocks that look like commits or descriptors but fail their checksum (torn or corrupted
 * writes). Used by fsck and by dump; it never writes.
 */
public final class JournalScan {

    /** A valid commit block. */
    public record Commit(long position, long block, LogHeader header, boolean bodyValid) {
    }

    /**
     * A block shaped like a log block (two of: magic, type LH or LD, own address) that does not verify; {@code type}
     * is null when the type field itself is damaged.
     */
    public record Damaged(long position, long block, MetaType type, long claimedSeq) {
    }

    /**
     * @param journal   journal id
     * @param firstBlock device address of log position 0
     * @param commits   valid commits in sequence order
     * @param head      the commit with the highest sequence, or null if there is none
     * @param damaged   checksum failures among log-shaped blocks
     */
    public record Result(int journal, long firstBlock, List<Commit> commits, Commit head, List<Damaged> damaged) {
        /** Whether a mount would find nothing to replay. */
        public boolean clean() {
            return head != null && head.header().clean() && head.header().bodyBlocks() == 0;
        }
    }

    private final JournalArea area;
    private final byte[] all;

    private JournalScan(JournalArea area) throws IOException {
        this.area = area;
        this.all = area.readAll();
    }

    /** The journal area of journal {@code j}. */
    public static JournalArea area(BlockDevice device, Superblock sb, int j) {
        return new JournalArea(device, sb.blockSize(), sb.journalBlock(j), sb.journalBlocks());
    }

    /** Scans journal {@code j}. */
    public static Result scan(BlockDevice device, Superblock sb, int j) throws IOException {
        return new JournalScan(area(device, sb, j)).run(j);
    }

    /** The raw block at log position {@code pos} of a journal (for dump). */
    public static byte[] block(BlockDevice device, Superblock sb, int j, long pos) throws IOException {
        JournalArea a = area(device, sb, j);
        byte[] b = new byte[sb.blockSize()];
        device.read(a.address(pos) * sb.blockSize(), ByteBuffer.wrap(b));
        return b;
    }

    private Result run(int j) {
        List<Commit> commits = new ArrayList<>();
        List<Damaged> damaged = new ArrayList<>();
        for (int pos = 0; pos < area.blocks(); pos++) {
            byte[] b = slice(pos);
            long addr = area.address(pos);
            if (Meta.isValid(b, MetaType.LH, addr)) {
                LogHeader lh = LogHeader.decode(b);
                commits.add(new Commit(pos, addr, lh, bodyValid(lh, pos)));
                continue;
            }
            // Log-shaped: two of magic, log type and own address still match (one flipped byte spoils one).
            ByteBuffer bb = ByteBuffer.wrap(b);
            MetaType t = MetaType.of(bb.getShort(Meta.OFF_TYPE));
            boolean logType = t == MetaType.LH || t == MetaType.LD;
            int matches = (bb.getInt(0) == Meta.MAGIC ? 1 : 0) + (logType ? 1 : 0)
                    + (bb.getLong(Meta.OFF_ADDR) == addr ? 1 : 0);
            if (matches >= 2) {
                damaged.add(new Damaged(pos, addr, logType ? t : null, bb.getLong(24)));
            }
        }
        commits.sort(Comparator.comparingLong(c -> c.header().seq()));
        Commit head = commits.isEmpty() ? null : commits.get(commits.size() - 1);
        return new Result(j, area.address(0), commits, head, damaged);
    }

    private boolean bodyValid(LogHeader lh, int commitPos) {
        int n = lh.bodyBlocks();
        if (n < 0 || n >= area.blocks() || Math.floorMod(lh.startPos() + n, area.blocks()) != commitPos) {
            return false;
        }
        CRC32C crc = new CRC32C();
        for (int i = 0; i < n; i++) {
            crc.update(slice(Math.floorMod(lh.startPos() + i, area.blocks())));
        }
        return (int) crc.getValue() == lh.bodyCrc();
    }

    private byte[] slice(long pos) {
        int bs = area.blockSize();
        byte[] b = new byte[bs];
        System.arraycopy(all, (int) (pos * bs), b, 0, bs);
        return b;
    }
}
