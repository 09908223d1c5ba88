package org.gfspnfs.gfs.fsck;

import java.io.IOException;
import java.time.Clock;
import org.gfspnfs.gfs.device.BlockDevice;
import org.gfspnfs.gfs.format.Superblock;

/** One fsck run: the passes in order, then the write-back of repairs and the status. */
final class Checker {
    private final BlockDevice device;
    private final FsckMode mode;
    private final FsckProgress progress;
    private final Clock clock;

    Checker(BlockDevice device, FsckMode mode, FsckProgress progress, Clock clock) {
        this.device = device;
        this.mode = mode;
        this.progress = progress;
        this.clock = clock;
    }

    FsckReport run() throws IOException {
        boolean repair = mode == FsckMode.REPAIR;
        Findings f = new Findings(repair);
        long[] counts = new long[2];
        if (pass(f, repair, counts)) {
            // Inodes were linked into /lost+found: walk again so their link counts, parents and the bitmaps
            // follow, and anything still unreachable (nothing could be attached) is freed.
            pass(f, false, counts);
        }
        return report(f, counts[0], counts[1]);
    }

    /** One full check; returns true if lost inodes were set aside for a second walk. */
    private boolean pass(Findings f, boolean reconnect, long[] counts) throws IOException {
        boolean repair = mode == FsckMode.REPAIR;
        Superblock sb = new SuperblockPass(device, f).run();
        if (sb == null) {
            return false;
        }
        BlockDevice dev = repair ? device : new OverlayDevice(device, sb.blockSize());
        new JournalPass(dev, sb, f, clock, progress).run();
        Blocks blocks = new Blocks(dev, sb.blockSize(), sb.totalBlocks());
        Rgrps rgrps = Rgrps.load(blocks, sb, f, progress);
        Walker walker = new Walker(blocks, sb, rgrps, f, progress, reconnect);
        if (!walker.run()) {
            return false;
        }
        boolean again = false;
        if (reconnect && walker.hasLost()) {
            new LostAndFound(blocks, sb, rgrps, f, clock, walker).attach();
            again = true;
        }
        rgrps.compare(progress);
        if (repair) {
            blocks.writeBack();
        }
        counts[0] = walker.inodes();
        counts[1] = walker.directories();
        return again;
    }

    private FsckReport report(Findings f, long inodes, long dirs) {
        FsckStatus status = FsckStatus.CLEAN;
        for (Finding x : f.all()) {
            if (x.severity() == Finding.Severity.ERROR) {
                if (!x.repaired()) {
                    status = FsckStatus.UNCORRECTED;
                    break;
                }
                status = FsckStatus.CORRECTED;
            }
        }
        return new FsckReport(mode, f.all(), status, null, inodes, dirs);
    }
}
