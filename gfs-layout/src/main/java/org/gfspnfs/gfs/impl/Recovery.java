package org.gfspnfs.gfs.impl;

import java.io.IOException;
import java.time.Clock;
import org.gfspnfs.gfs.DeviceIOException;
import org.gfspnfs.gfs.Errno;
import org.gfspnfs.gfs.GfsException;
import org.gfspnfs.gfs.InvalidArgumentException;
import org.gfspnfs.gfs.device.BlockDevice;
import org.gfspnfs.gfs.format.Superblock;
import org.gfspnfs.gfs.journal.JournalArea;
import org.gfspnfs.gfs.journal.JournalReplayer;
import org.gfspnfs.gfs.journal.JournalWriter;
import java.util.EnumSet;
import org.gfspnfs.gfs.lock.LockFlag;
import org.gfspnfs.gfs.lock.LockMode;
import org.gfspnfs.gfs.lock.LockName;
import org.gfspnfs.gfs.lock.LockType;

/**
 * Journal replay: a node's own journal at mount, and a dead node's journal by a survivor (DESIGN.md recovery step
 * 5) under that journal's glock, which a live node holds for as long as it is mounted.
 */
final class Recovery {
    private final Superblock sb;
    private final BlockDevice device;
    private final Glocks glocks;
    private final Clock clock;
    private final int ownJournal;

    Recovery(Superblock sb, BlockDevice device, Glocks glocks, Clock clock, int ownJournal) {
        this.sb = sb;
        this.device = device;
        this.glocks = glocks;
        this.clock = clock;
        this.ownJournal = ownJournal;
    }

    static LockName journalLock(int jid) {
        return new LockName(LockType.JOURNAL, jid);
    }

    static JournalArea area(Superblock sb, BlockDevice device, int jid) {
        return new JournalArea(device, sb.blockSize(), sb.journalBlock(jid), sb.journalBlocks());
    }

    /** Replays a journal and leaves it clean; returns a writer positioned after it. */
    static JournalWriter replay(Superblock sb, BlockDevice device, int jid, Clock clock, int[] replayed)
            throws GfsException {
        return journalIo(jid, "replay", () -> {
            JournalArea area = area(sb, device, jid);
            JournalReplayer.Result r = new JournalReplayer(area).replay();
            JournalWriter w = new JournalWriter(area, clock, r.nextSeq(), r.nextPos());
            if (!r.wasClean()) {
                w.markClean();
            }
            replayed[0] = r.replayedTransactions();
            return w;
        });
    }

    /** A journal step whose device errors become {@link DeviceIOException}s naming the journal. */
    private interface JournalStep<T> {
        T run() throws IOException;
    }

    private static <T> T journalIo(int jid, String what, JournalStep<T> step) throws GfsException {
        try {
            return step.run();
        } catch (IOException e) {
            if (e instanceof GfsException g) {
                throw g;
            }
            throw new DeviceIOException("journal " + jid + " " + what + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * The first mount in the cluster replays every other journal (GFS2's first mounter recovers all journals): after
     * every node went down at once nobody else would, and a journal's transactions since its last checkpoint are not
     * in place. Called only while this mount holds the mount glock in EX, which no other mount can hold at all, so
     * no journal is in use and none needs its JOURNAL glock (taking those here would make this node their DLM
     * master, and a later recovery's try-lock would then be answered before the DLM knows their owner died).
     * Returns the transactions replayed.
     */
    int recoverUnowned() throws GfsException {
        int n = 0;
        for (int j = 0; j < sb.journalCount(); j++) {
            if (j != ownJournal && !isClean(j)) {
                int[] replayed = {0};
                replay(sb, device, j, clock, replayed);
                n += replayed[0];
            }
        }
        return n;
    }

    private boolean isClean(int jid) throws GfsException {
        return journalIo(jid, "scan", () -> new JournalReplayer(area(sb, device, jid)).scan().wasClean());
    }

    /**
     * Replays journal {@code jid} of a dead node. The journal glock is taken with NOEXP (it passes the dead node's
     * orphaned locks); everything else the dead node held exclusively stays locked until the replay is done, so no
     * node can have cached those blocks, and no operation on this mount has to stop meanwhile.
     */
    int recover(int jid) throws GfsException {
        if (jid == ownJournal || jid < 0 || jid >= sb.journalCount()) {
            throw new InvalidArgumentException("cannot recover journal " + jid);
        }
        LockName jl = journalLock(jid);
        if (!glocks.acquire(jl, LockMode.EX, EnumSet.of(LockFlag.TRY, LockFlag.NOEXP))) {
            throw new GfsException(Errno.EAGAIN, "journal " + jid + " is in use by a live mount");
        }
        try {
            int[] n = {0};
            replay(sb, device, jid, clock, n);
            glocks.recoveryDone(jid);
            return n[0];
        } finally {
            glocks.releaseAndUnlock(jl);
        }
    }
}
