package org.gfspnfs.gfs.fsck;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.gfspnfs.gfs.device.BlockDevice;
import org.gfspnfs.gfs.format.Meta;
import org.gfspnfs.gfs.format.MetaType;
import org.gfspnfs.gfs.format.RgrpGeometry;
import org.gfspnfs.gfs.format.RgrpHeader;
import org.gfspnfs.gfs.format.Superblock;

/**
 * Pass 0: the superblock. Its fields are decoded without trusting them and checked against the device and against
 * what they describe (resource group 0, the last group, the root dinode). A superblock that fails only its checksum
 * but whose geometry the disk confirms is resealed in repair mode; one whose geometry is wrong stops fsck.
 */
final class SuperblockPass {
    private final BlockDevice device;
    private final Findings f;

    SuperblockPass(BlockDevice device, Findings f) {
        this.device = device;
        this.f = f;
    }

    /** The superblock to check the rest with, or null if fsck cannot go on. */
    Superblock run() throws IOException {
        if (device.size() < Superblock.MIN_BLOCK) {
            f.unrepairable(Structure.SUPERBLOCK, 0, "device of " + device.size() + " bytes is too small");
            return null;
        }
        byte[] first = new byte[Superblock.MIN_BLOCK];
        device.read(0, ByteBuffer.wrap(first));
        ByteBuffer b0 = ByteBuffer.wrap(first);
        if (b0.getInt(0) != Meta.MAGIC || b0.getShort(Meta.OFF_TYPE) != MetaType.SB.code()) {
            f.unrepairable(Structure.SUPERBLOCK, 0, "no gfs-layout superblock (bad magic or type)");
            return null;
        }
        int bs = b0.getInt(28);
        if (bs < Superblock.MIN_BLOCK || bs > Superblock.MAX_BLOCK || Integer.bitCount(bs) != 1
                || bs > device.size()) {
            f.unrepairable(Structure.SUPERBLOCK, 0, "invalid block size " + bs);
            return null;
        }
        byte[] block = new byte[bs];
        device.read(0, ByteBuffer.wrap(block));
        Superblock sb = decodeUnverified(block);
        String why = Blocks.problem(block, MetaType.SB, 0);
        // A superblock that verifies is trusted over the groups; one that does not must be confirmed by them.
        String geometry = geometryProblem(sb, why != null);
        if (geometry != null) {
            f.unrepairable(Structure.SUPERBLOCK, 0, geometry);
            return null;
        }
        if (why != null) {
            f.error(Structure.SUPERBLOCK, 0, why + "; its geometry matches the resource groups and the root"
                    + (f.repair() ? ": resealed" : ""));
            if (f.repair()) {
                Meta.seal(block);
                device.write(0, ByteBuffer.wrap(block));
                device.flush();
            }
        }
        if (sb.lockTable().indexOf(':') <= 0) {
            f.unrepairable(Structure.SUPERBLOCK, 0, "lock table '" + sb.lockTable() + "' is not cluster:fs");
        }
        return sb;
    }

    static Superblock decodeUnverified(byte[] block) {
        ByteBuffer b = ByteBuffer.wrap(block);
        boolean fenced = (b.getInt(200) & Superblock.FLAG_FENCE_AREA) != 0;
        return new Superblock(b.getInt(24), b.getInt(28), b.getLong(32), new UUID(b.getLong(40), b.getLong(48)),
                string(block, 56, Superblock.LOCK_TABLE_LEN), string(block, 120, Superblock.LABEL_LEN),
                b.getInt(152), b.getInt(156), b.getLong(160), b.getLong(168), b.getInt(176), b.getInt(180),
                b.getLong(184), b.getLong(192), b.getInt(200),
                fenced ? b.getLong(208) : 0, fenced ? b.getInt(204) : 0);
    }

    private static String string(byte[] block, int off, int max) {
        int n = 0;
        while (n < max && block[off + n] != 0) {
            n++;
        }
        return new String(block, off, n, StandardCharsets.UTF_8);
    }

    /** Checks every field the rest of fsck relies on; reads the groups and root it names to confirm them. */
    private String geometryProblem(Superblock sb, boolean confirm) throws IOException {
        int bs = sb.blockSize();
        long deviceBlocks = device.size() / bs;
        if (sb.version() < 1 || sb.version() > Superblock.VERSION) {
            return "format version " + sb.version() + " (this fsck knows " + Superblock.VERSION + ")";
        }
        if (sb.totalBlocks() < 2 || sb.totalBlocks() > deviceBlocks) {
            return "filesystem of " + sb.totalBlocks() + " blocks does not fit the device of " + deviceBlocks;
        }
        long journalStart = Superblock.journalStart(bs, sb.hasFenceArea());
        if (sb.hasFenceArea() && (sb.fenceStart() != Superblock.fenceAreaStart(bs)
                || sb.fenceBlocks() != Superblock.fenceAreaBlocks(bs) || sb.fenceAreaProblem() != null)) {
            return "fence area of " + sb.fenceBlocks() + " blocks at block " + sb.fenceStart() + " is impossible"
                    + " (mkfs puts " + Superblock.fenceAreaBlocks(bs) + " blocks at block "
                    + Superblock.fenceAreaStart(bs) + ")";
        }
        if (sb.journalCount() < 1 || sb.journalCount() > 1024 || sb.journalBlocks() < 32
                || sb.journalStart() != journalStart) {
            return "journal geometry " + sb.journalCount() + " x " + sb.journalBlocks() + " at " + sb.journalStart()
                    + " is impossible (expected at " + journalStart + ")";
        }
        long rgrpStart = journalStart + (long) sb.journalCount() * sb.journalBlocks();
        if (sb.rgrpStart() != rgrpStart || rgrpStart >= sb.totalBlocks()) {
            return "resource groups start at " + sb.rgrpStart() + ", the journals end at " + rgrpStart;
        }
        if (sb.rgrpBlocks() < 32) {
            return "resource groups of " + sb.rgrpBlocks() + " blocks are too small";
        }
        long room = sb.totalBlocks() - rgrpStart;
        long count = (room + sb.rgrpBlocks() - 1) / sb.rgrpBlocks();
        if (sb.rgrpCount() != count) {
            return "resource group count " + sb.rgrpCount() + ", the geometry gives " + count;
        }
        if (confirm && (!groupConfirms(sb, 0) || !groupConfirms(sb, sb.rgrpCount() - 1))) {
            return "resource group headers do not match the superblock geometry";
        }
        long root = rgrpStart + RgrpGeometry.bitmapBlocks(bs, sb.rgrpLength(0));
        if (sb.rootDinode() != root) {
            return "root dinode " + sb.rootDinode() + " is not the first block of resource group 0 (" + root + ")";
        }
        return null;
    }

    private boolean groupConfirms(Superblock sb, int i) throws IOException {
        int bs = sb.blockSize();
        long addr = sb.rgrpAddress(i);
        byte[] h = new byte[bs];
        device.read(addr * bs, ByteBuffer.wrap(h));
        if (Blocks.problem(h, MetaType.RG, addr) != null) {
            // A damaged group header is the group pass's business; it cannot vouch for the superblock either way.
            return true;
        }
        RgrpHeader r = new RgrpHeader(h);
        int k = RgrpGeometry.bitmapBlocks(bs, sb.rgrpLength(i));
        return r.index() == i && r.dataStart() == addr + k && r.dataBlocks() == sb.rgrpLength(i) - k;
    }

}
