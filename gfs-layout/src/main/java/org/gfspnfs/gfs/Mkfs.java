package org.gfspnfs.gfs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import org.gfspnfs.gfs.device.BlockDevice;
import org.gfspnfs.gfs.format.BlockState;
import org.gfspnfs.gfs.format.DinodeBlock;
import org.gfspnfs.gfs.format.Meta;
import org.gfspnfs.gfs.format.MetaType;
import org.gfspnfs.gfs.format.RgrpGeometry;
import org.gfspnfs.gfs.format.RgrpHeader;
import org.gfspnfs.gfs.format.Superblock;
import org.gfspnfs.gfs.journal.JournalArea;
import org.gfspnfs.gfs.journal.JournalWriter;

/**
 * Formats a device (mkfs.gfs2 as a library call): superblock, the zeroed disk-fencing area, journals (zeroed, each with a CLEAN commit),
 * resource groups with empty bitmaps, and the root directory in resource group 0. See FORMAT.md.
 */
public final class Mkfs {
    private Mkfs() {
    }

    /** Formats with the system clock. */
    public static Superblock format(BlockDevice device, MkfsOptions o) throws IOException {
        return format(device, o, Clock.systemUTC());
    }

    /** Formats {@code device}; returns the superblock written. */
    public static Superblock format(BlockDevice device, MkfsOptions o, Clock clock) throws IOException {
        validate(o);
        int bs = o.blockSize();
        long total = device.size() / bs;
        int fenceBlocks = o.fenceArea() ? Superblock.fenceAreaBlocks(bs) : 0;
        long fenceStart = o.fenceArea() ? Superblock.fenceAreaStart(bs) : 0;
        long journalStart = Superblock.journalStart(bs, o.fenceArea());
        long rgrpStart = journalStart + (long) o.journalCount() * o.journalBlocks();
        int minRgrp = RgrpGeometry.bitmapBlocks(bs, o.rgrpBlocks()) + 16;
        long room = total - rgrpStart;
        if (room < Math.min(o.rgrpBlocks(), 32)) {
            throw new InvalidArgumentException("device of " + total + " blocks is too small for " + o.journalCount()
                    + " journals of " + o.journalBlocks() + " blocks");
        }
        int count = (int) (room / o.rgrpBlocks());
        long rest = room % o.rgrpBlocks();
        if (rest >= Math.min(minRgrp, o.rgrpBlocks()) || count == 0) {
            count++;
        } else {
            total = rgrpStart + (long) count * o.rgrpBlocks();
        }
        Instant now = clock.instant();
        long root = rgrpStart + RgrpGeometry.bitmapBlocks(bs, (int) Math.min(o.rgrpBlocks(), total - rgrpStart));
        Superblock sb = new Superblock(Superblock.VERSION, bs, total, o.uuid(), o.lockTable(), o.label(),
                o.journalCount(), o.journalBlocks(), journalStart, rgrpStart, o.rgrpBlocks(), count, root,
                now.getEpochSecond(), o.fenceArea() ? Superblock.FLAG_FENCE_AREA : 0, fenceStart, fenceBlocks);
        zeroFenceArea(device, sb);
        for (int j = 0; j < o.journalCount(); j++) {
            JournalArea area = new JournalArea(device, bs, sb.journalBlock(j), o.journalBlocks());
            area.zero();
            new JournalWriter(area, clock, 1, 0).markClean();
        }
        for (int i = 0; i < count; i++) {
            writeRgrp(device, sb, i, i == 0);
        }
        writeRoot(device, sb, now);
        device.write(0, ByteBuffer.wrap(sb.encode()));
        device.flush();
        return sb;
    }

    /**
     * Zeroes the disk-fencing area: the membership module formats an all-zero area on first open (its header and
     * slots are its own business; gfs-layout only reserves the blocks, so it never depends on membership).
     */
    private static void zeroFenceArea(BlockDevice device, Superblock sb) throws IOException {
        if (!sb.hasFenceArea()) {
            return;
        }
        ByteBuffer zeros = ByteBuffer.allocate((int) sb.fenceAreaBytes());
        device.write(sb.fenceAreaOffset(), zeros);
    }

    private static void validate(MkfsOptions o) throws InvalidArgumentException {
        int bs = o.blockSize();
        if (bs < Superblock.MIN_BLOCK || bs > Superblock.MAX_BLOCK || Integer.bitCount(bs) != 1) {
            throw new InvalidArgumentException("block size must be a power of two in 512..65536: " + bs);
        }
        if (o.journalCount() < 1 || o.journalCount() > 1024) {
            throw new InvalidArgumentException("journal count must be 1..1024: " + o.journalCount());
        }
        if (o.journalBlocks() < 32) {
            throw new InvalidArgumentException("a journal needs at least 32 blocks: " + o.journalBlocks());
        }
        if (o.rgrpBlocks() < 32) {
            throw new InvalidArgumentException("a resource group needs at least 32 blocks: " + o.rgrpBlocks());
        }
        String lt = o.lockTable();
        int colon = lt.indexOf(':');
        if (colon <= 0 || colon == lt.length() - 1 || lt.getBytes(StandardCharsets.UTF_8).length
                > Superblock.LOCK_TABLE_LEN) {
            throw new InvalidArgumentException("lock table must be 'cluster:fs' (at most 64 bytes): " + lt);
        }
        if (o.label().getBytes(StandardCharsets.UTF_8).length > Superblock.LABEL_LEN) {
            throw new InvalidArgumentException("label longer than 32 bytes: " + o.label());
        }
    }

    private static void writeRgrp(BlockDevice device, Superblock sb, int i, boolean holdsRoot) throws IOException {
        int bs = sb.blockSize();
        long start = sb.rgrpAddress(i);
        int len = sb.rgrpLength(i);
        int k = RgrpGeometry.bitmapBlocks(bs, len);
        ByteBuffer all = ByteBuffer.allocate(k * bs);
        byte[] header = new byte[bs];
        Meta.init(header, MetaType.RG, start);
        RgrpHeader h = new RgrpHeader(header);
        h.setIndex(i);
        h.setDataStart(start + k);
        h.setDataBlocks(len - k);
        h.setBitmapBlocks(k);
        h.setFree(len - k);
        if (holdsRoot) {
            RgrpGeometry.set(header, bs, 0, BlockState.DINODE);
            h.setFree(len - k - 1);
            h.setDinodes(1);
            h.setGeneration(1);
        }
        Meta.seal(header);
        all.put(header);
        for (int c = 1; c < k; c++) {
            byte[] cont = new byte[bs];
            Meta.init(cont, MetaType.RB, start + c);
            Meta.seal(cont);
            all.put(cont);
        }
        all.flip();
        device.write(start * bs, all);
    }

    private static void writeRoot(BlockDevice device, Superblock sb, Instant now) throws IOException {
        byte[] block = new byte[sb.blockSize()];
        Meta.init(block, MetaType.DI, sb.rootDinode());
        DinodeBlock d = new DinodeBlock(block);
        d.setNumber(sb.rootDinode());
        d.setGeneration(1);
        d.setMode(FileType.DIRECTORY.modeBits() | 0755);
        d.setNlink(2);
        d.setBlocks(1);
        d.setAtime(now.getEpochSecond(), now.getNano());
        d.setMtime(now.getEpochSecond(), now.getNano());
        d.setCtime(now.getEpochSecond(), now.getNano());
        d.setChange(1);
        d.setParent(sb.rootDinode());
        Meta.seal(block);
        device.write(sb.rootDinode() * sb.blockSize(), ByteBuffer.wrap(block));
    }
}
