package org.gfspnfs.gfs.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import org.gfspnfs.gfs.CorruptionException;
import org.gfspnfs.gfs.format.LogDescriptor;
import org.gfspnfs.gfs.format.LogHeader;
import org.gfspnfs.gfs.format.Meta;
import org.gfspnfs.gfs.format.MetaType;

/**
 * Finds the head of a journal and replays it (FORMAT.md "Replay"). Replay only writes block images to their home
 * addresses, so running it twice is harmless; a head transaction whose body fails its CRC (torn write) is discarded.
 * Used at mount for the node's own journal, by a survivor for a dead node's journal, and by fsck/dump.
 */
public final class JournalReplayer {
    private final JournalArea area;

    public JournalReplayer(JournalArea area) {
        this.area = area;
    }

    /** A transaction found in the log. */
    public record Transaction(long seq, long commitPos, LogHeader header, boolean bodyValid) {
    }

    /** The outcome of {@link #scan()} or {@link #replay()}. */
    public record Result(Transaction head, boolean tornHeadDiscarded, int replayedTransactions, int replayedBlocks,
                         long nextSeq, long nextPos) {
        /** Whether the journal was cleanly unmounted (nothing needed replay). */
        public boolean wasClean() {
            return head.header().clean() && head.header().bodyBlocks() == 0;
        }
    }

    /** Reads the journal and reports its head without writing anything. */
    public Result scan() throws IOException {
        return run(false);
    }

    /** Replays the live transactions in place and flushes; the caller then writes a CLEAN commit. */
    public Result replay() throws IOException {
        return run(true);
    }

    private Result run(boolean apply) throws IOException {
        byte[] all = area.readAll();
        Map<Long, Transaction> bySeq = new HashMap<>();
        Transaction head = null;
        for (int pos = 0; pos < area.blocks(); pos++) {
            byte[] block = slice(all, pos);
            if (Meta.isValid(block, MetaType.LH, area.address(pos))) {
                LogHeader lh = LogHeader.decode(block);
                Transaction t = new Transaction(lh.seq(), pos, lh, bodyValid(all, lh, pos));
                bySeq.put(lh.seq(), t);
                if (head == null || lh.seq() > head.seq()) {
                    head = t;
                }
            }
        }
        if (head == null) {
            throw new CorruptionException("journal at block " + area.address(0) + " has no valid commit block");
        }
        long nextSeq = head.seq() + 1;
        long nextPos = Math.floorMod(head.commitPos() + 1, area.blocks());
        // A torn head is discarded; the transactions of its tail before it are not (their in-place writes were not
        // flushed before the head was written, FORMAT.md "Write order"), and their bodies were flushed whole.
        long last = head.bodyValid() ? head.seq() : head.seq() - 1;
        List<Transaction> live = new ArrayList<>();
        for (long s = head.header().tailSeq(); s <= last; s++) {
            Transaction t = bySeq.get(s);
            if (t == null || !t.bodyValid()) {
                throw new CorruptionException("journal transaction " + s + " between tail and head is missing");
            }
            live.add(t);
        }
        int blocks = apply && !live.isEmpty() ? apply(all, live) : 0;
        return new Result(head, !head.bodyValid(), apply ? live.size() : 0, blocks, nextSeq, nextPos);
    }

    private boolean bodyValid(byte[] all, LogHeader lh, int commitPos) {
        int n = lh.bodyBlocks();
        if (n < 0 || n >= area.blocks() || Math.floorMod(lh.startPos() + n, area.blocks()) != commitPos) {
            return false;
        }
        CRC32C crc = new CRC32C();
        for (int i = 0; i < n; i++) {
            crc.update(slice(all, Math.floorMod(lh.startPos() + i, area.blocks())));
        }
        return (int) crc.getValue() == lh.bodyCrc();
    }

    private int apply(byte[] all, List<Transaction> live) throws IOException {
        Map<Long, Long> revoked = new HashMap<>();
        Map<Long, byte[]> latest = new LinkedHashMap<>();
        Map<Long, Long> latestSeq = new HashMap<>();
        for (Transaction t : live) {
            LogHeader lh = t.header();
            int i = 0;
            while (i < lh.bodyBlocks()) {
                long pos = lh.startPos() + i;
                byte[] d = slice(all, Math.floorMod(pos, area.blocks()));
                if (!Meta.isValid(d, MetaType.LD, area.address(pos))) {
                    throw new CorruptionException("journal: expected a descriptor at position " + pos);
                }
                LogDescriptor desc = LogDescriptor.decode(d);
                i++;
                for (long addr : desc.addresses()) {
                    if (desc.kind() == LogDescriptor.REVOKE) {
                        revoked.merge(addr, t.seq(), Math::max);
                    } else {
                        latest.put(addr, slice(all, Math.floorMod(lh.startPos() + i, area.blocks())));
                        latestSeq.put(addr, t.seq());
                        i++;
                    }
                }
            }
        }
        int written = 0;
        int bs = area.blockSize();
        for (Map.Entry<Long, byte[]> e : latest.entrySet()) {
            Long rev = revoked.get(e.getKey());
            if (rev != null && rev >= latestSeq.get(e.getKey())) {
                continue;
            }
            area.device().write(e.getKey() * bs, ByteBuffer.wrap(e.getValue()));
            written++;
        }
        area.device().flush();
        return written;
    }

    private byte[] slice(byte[] all, long pos) {
        int bs = area.blockSize();
        byte[] b = new byte[bs];
        System.arraycopy(all, (int) (pos * bs), b, 0, bs);
        return b;
    }
}
