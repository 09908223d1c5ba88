package org.gfspnfs.gfs.fsck;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.List;
import org.gfspnfs.gfs.device.BlockDevice;
import org.gfspnfs.gfs.format.Superblock;

/**
 * Offline filesystem check and repair (fsck.gfs2 as a library call). The device must not be mounted anywhere.
 *
 * <p>Passes, in order: superblock; journals (dirty ones replayed first, in memory for {@link FsckMode#CHECK});
 * resource-group headers and bitmap blocks; everything reachable from the root (dinodes, block trees, directory
 * hash tables, leaves and entries, link counts); dinodes nothing reaches (orphans are freed as a mount's recovery
 * would, lost inodes are freed); finally the bitmaps and group counts against what the walk found. Every metadata
 * block is verified (magic, type, self address, CRC32C) before it is followed, every pointer is range-checked and
 * no block is entered twice, so a damaged device can make fsck report, never hang.
 *
 * <p>Exit status as fsck(8): 0 clean, 1 errors corrected, 4 errors left uncorrected, 8 operational error.
 */
public final class Fsck {
    private Fsck() {
    }

    /** Checks (and with {@link FsckMode#REPAIR} repairs) {@code device}. Never throws for what it finds. */
    public static FsckReport run(BlockDevice device, FsckMode mode, FsckProgress progress) {
        return run(device, mode, progress, Clock.systemUTC());
    }

    /** As {@link #run(BlockDevice, FsckMode, FsckProgress)} with the clock stamped into journal commits. */
    public static FsckReport run(BlockDevice device, FsckMode mode, FsckProgress progress, Clock clock) {
        try {
            return new Checker(device, mode, progress, clock).run();
        } catch (IOException e) {
            return new FsckReport(mode, List.of(), FsckStatus.OPERATIONAL_ERROR,
                    "I/O error: " + e.getMessage(), 0, 0);
        }
    }

    /**
     * The superblock fields as stored, without verifying the checksum or the geometry (for dump and for tools that
     * must show a damaged superblock); null if block 0 has no gfs-layout magic or a usable block size.
     */
    public static Superblock readSuperblockUnverified(BlockDevice device) throws IOException {
        if (device.size() < Superblock.MIN_BLOCK) {
            return null;
        }
        byte[] first = new byte[Superblock.MIN_BLOCK];
        device.read(0, ByteBuffer.wrap(first));
        int bs;
        try {
            bs = Superblock.peekBlockSize(first);
        } catch (org.gfspnfs.gfs.CorruptionException e) {
            return null;
        }
        if (bs > device.size()) {
            return null;
        }
        byte[] block = new byte[bs];
        device.read(0, ByteBuffer.wrap(block));
        return SuperblockPass.decodeUnverified(block);
    }
}
