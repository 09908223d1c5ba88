package org.gfspnfs.gfs.fsck;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import org.gfspnfs.gfs.CorruptionException;
import org.gfspnfs.gfs.device.BlockDevice;
import org.gfspnfs.gfs.format.LogDescriptor;
import org.gfspnfs.gfs.format.LogHeader;
import org.gfspnfs.gfs.format.Meta;
import org.gfspnfs.gfs.format.MetaType;
import org.gfspnfs.gfs.format.Superblock;
import org.gfspnfs.gfs.journal.JournalArea;
import org.gfspnfs.gfs.journal.JournalReplayer;
import org.gfspnfs.gfs.journal.JournalWriter;

/**
 * Pass 1: journals. Dirty journals are replayed first (as a mount would, through the core's replayer) so that the
 * later passes check the filesystem a mount would see; in check mode the replay goes to an in-memory overlay.
 * A journal without any valid commit would stop every mount: repair writes a fresh CLEAN commit.
 */
final class JournalPass {
    private final BlockDevice device;
    private final Superblock sb;
    private final Findings f;
    private final Clock clock;
    private final FsckProgress progress;

    JournalPass(BlockDevice device, Superblock sb, Findings f, Clock clock, FsckProgress progress) {
        this.device = device;
        this.sb = sb;
        this.f = f;
        this.clock = clock;
        this.progress = progress;
    }

    void run() throws IOException {
        for (int j = 0; j < sb.journalCount(); j++) {
            progress.update("journals", j, sb.journalCount());
            check(j);
        }
    }

    private void check(int j) throws IOException {
        JournalScan.Result r = JournalScan.scan(device, sb, j);
        JournalArea area = JournalScan.area(device, sb, j);
        if (r.head() == null) {
            f.error(Structure.JOURNAL, r.firstBlock(), "journal " + j + " has no valid commit block"
                    + (f.repair() ? ": wrote a fresh CLEAN commit" : ": it cannot be mounted"));
            new JournalWriter(area, clock, 1, 0).markClean();
            return;
        }
        long headSeq = r.head().header().seq();
        for (JournalScan.Damaged d : r.damaged()) {
            if (d.claimedSeq() > headSeq) {
                f.note(Structure.JOURNAL, d.block(), "journal " + j + ": " + (d.type() == null ? "log" : d.type()) + " block claiming sequence "
                        + d.claimedSeq() + " does not verify (torn or corrupt write past the head, sequence "
                        + headSeq + "): ignored", f.repair());
            }
        }
        if (r.clean()) {
            if (f.repair() && r.damaged().stream().anyMatch(d -> d.claimedSeq() > headSeq)) {
                new JournalWriter(area, clock, headSeq + 1, r.head().position() + 1).markClean();
            }
            return;
        }
        JournalScan.Commit head = r.head();
        if (!head.bodyValid()) {
            f.note(Structure.JOURNAL, badBodyBlock(area, head.header()), "journal " + j + ": transaction "
                    + headSeq + " (commit at block " + head.block() + ") fails its body checksum: discarded as a "
                    + "torn write at the log head", f.repair());
        } else {
            f.note(Structure.JOURNAL, head.block(), "journal " + j + " is dirty: transaction "
                    + head.header().tailSeq() + ".." + headSeq + (f.repair() ? " replayed" : " replayed in memory "
                    + "for this check (a mount replays it)"), f.repair());
        }
        try {
            JournalReplayer.Result res = new JournalReplayer(area).replay();
            new JournalWriter(area, clock, res.nextSeq(), res.nextPos()).markClean();
        } catch (CorruptionException e) {
            f.error(Structure.JOURNAL, head.block(), "journal " + j + ": " + e.getMessage()
                    + (f.repair() ? ": transaction discarded" : ""));
            new JournalWriter(area, clock, headSeq + 1, head.position() + 1).markClean();
        }
    }

    /** The first body block of a failed transaction that is itself damaged, else its commit block. */
    private long badBodyBlock(JournalArea area, LogHeader lh) throws IOException {
        int n = lh.bodyBlocks();
        if (n <= 0 || n >= area.blocks()) {
            return area.address(lh.startPos() + n);
        }
        int bs = area.blockSize();
        long[] expectImages = {0};
        for (int i = 0; i < n; i++) {
            long addr = area.address(lh.startPos() + i);
            byte[] b = new byte[bs];
            device.read(addr * bs, ByteBuffer.wrap(b));
            if (expectImages[0] > 0) {
                expectImages[0]--;
                if (Meta.typeOf(b) == null || ByteBuffer.wrap(b).getInt(Meta.OFF_CRC) != Meta.crc(b)) {
                    return addr;
                }
                continue;
            }
            if (Blocks.problem(b, MetaType.LD, addr) != null) {
                return addr;
            }
            LogDescriptor d = LogDescriptor.decode(b);
            if (d.kind() == LogDescriptor.METADATA) {
                expectImages[0] = d.addresses().length;
            }
        }
        return area.address(lh.startPos() + n);
    }
}
