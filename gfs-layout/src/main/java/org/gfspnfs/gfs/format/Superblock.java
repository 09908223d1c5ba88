package org.gfspnfs.gfs.format;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.gfspnfs.gfs.CorruptionException;

/**
 * The superblock (block 0), see FORMAT.md "Superblock".
 *
 * @param flags       compat feature flags (FORMAT.md): {@link #FLAG_FENCE_AREA}; unknown bits are ignored
 * @param fenceStart  first block of the disk-fencing area (0 without {@link #FLAG_FENCE_AREA})
 * @param fenceBlocks blocks of the disk-fencing area (0 without {@link #FLAG_FENCE_AREA})
 */
public record Superblock(int version, int blockSize, long totalBlocks, UUID uuid, String lockTable, String label,
                         int journalCount, int journalBlocks, long journalStart, long rgrpStart, int rgrpBlocks,
                         int rgrpCount, long rootDinode, long mkfsTime, int flags, long fenceStart,
                         int fenceBlocks) {
    public static final int VERSION = 1;
    /**
     * Compat feature: blocks {@code fenceStart .. fenceStart+fenceBlocks-1} are the cluster's disk-fencing area
     * (sbd-like poison-pill slots, owned by the membership module). A reader that does not know the flag still
     * reads the filesystem correctly: the journals start after the area and nothing points into it.
     */
    public static final int FLAG_FENCE_AREA = 1;
    /** Size of the disk-fencing area mkfs reserves: 1 MiB (membership's 256 slots of 4 KiB). */
    public static final int FENCE_AREA_BYTES = 1 << 20;
    public static final int MIN_BLOCK = 512;
    public static final int MAX_BLOCK = 65536;
    public static final int LOCK_TABLE_LEN = 64;
    public static final int LABEL_LEN = 32;

    /** A superblock without a fence area (format 1 as first written, before the compat flag existed). */
    public Superblock(int version, int blockSize, long totalBlocks, UUID uuid, String lockTable, String label,
                      int journalCount, int journalBlocks, long journalStart, long rgrpStart, int rgrpBlocks,
                      int rgrpCount, long rootDinode, long mkfsTime) {
        this(version, blockSize, totalBlocks, uuid, lockTable, label, journalCount, journalBlocks, journalStart,
                rgrpStart, rgrpBlocks, rgrpCount, rootDinode, mkfsTime, 0, 0, 0);
    }

    /** True when the filesystem reserves the disk-fencing area ({@link #FLAG_FENCE_AREA}). */
    public boolean hasFenceArea() {
        return (flags & FLAG_FENCE_AREA) != 0;
    }

    /** Byte offset of the disk-fencing area on the device (0 when there is none). */
    public long fenceAreaOffset() {
        return hasFenceArea() ? fenceStart * blockSize : 0;
    }

    /** Bytes of the disk-fencing area (0 when there is none). */
    public long fenceAreaBytes() {
        return hasFenceArea() ? (long) fenceBlocks * blockSize : 0;
    }

    /** Alignment of the fence area on the device: its 4 KiB slots must suit O_DIRECT on 4K-native disks. */
    public static final int FENCE_AREA_ALIGN = 4096;

    /** First block of the fence area for block size {@code bs}: the first block at or after byte 4096. */
    public static long fenceAreaStart(int bs) {
        return Math.max(1, FENCE_AREA_ALIGN / bs);
    }

    /** Blocks of the fence area for block size {@code bs}. */
    public static int fenceAreaBlocks(int bs) {
        return Math.max(1, FENCE_AREA_BYTES / bs);
    }

    /** The block where the journals start for block size {@code bs}, with or without the fence area. */
    public static long journalStart(int bs, boolean fenceArea) {
        return fenceArea ? fenceAreaStart(bs) + fenceAreaBlocks(bs) : 1;
    }

    /** First block of journal {@code j}. */
    public long journalBlock(int j) {
        return journalStart + (long) j * journalBlocks;
    }

    /** Header address of resource group {@code i}. */
    public long rgrpAddress(int i) {
        return rgrpStart + (long) i * rgrpBlocks;
    }

    /** Length in blocks of resource group {@code i} (the last may be shorter). */
    public int rgrpLength(int i) {
        return (int) Math.min(rgrpBlocks, totalBlocks - rgrpAddress(i));
    }

    /** Encodes into a full block and seals it. */
    public byte[] encode() {
        byte[] block = new byte[blockSize];
        Meta.init(block, MetaType.SB, 0);
        ByteBuffer b = ByteBuffer.wrap(block);
        b.putInt(24, version).putInt(28, blockSize).putLong(32, totalBlocks);
        b.putLong(40, uuid.getMostSignificantBits()).putLong(48, uuid.getLeastSignificantBits());
        putString(b, 56, lockTable, LOCK_TABLE_LEN);
        putString(b, 120, label, LABEL_LEN);
        b.putInt(152, journalCount).putInt(156, journalBlocks).putLong(160, journalStart);
        b.putLong(168, rgrpStart).putInt(176, rgrpBlocks).putInt(180, rgrpCount);
        b.putLong(184, rootDinode).putLong(192, mkfsTime).putInt(200, flags);
        if (hasFenceArea()) {
            b.putInt(204, fenceBlocks).putLong(208, fenceStart);
        }
        Meta.seal(block);
        return block;
    }

    /** The block size claimed by the first 512 bytes, after checking the magic and type. */
    public static int peekBlockSize(byte[] first512) throws CorruptionException {
        ByteBuffer b = ByteBuffer.wrap(first512);
        if (b.getInt(0) != Meta.MAGIC || b.getShort(Meta.OFF_TYPE) != MetaType.SB.code()) {
            throw new CorruptionException("no gfs-layout superblock (bad magic)");
        }
        int bs = b.getInt(28);
        if (bs < MIN_BLOCK || bs > MAX_BLOCK || Integer.bitCount(bs) != 1) {
            throw new CorruptionException("superblock: invalid block size " + bs);
        }
        return bs;
    }

    /** Decodes a full superblock block, verifying its checksum and version. */
    public static Superblock decode(byte[] block) throws CorruptionException {
        Meta.verify(block, MetaType.SB, 0);
        ByteBuffer b = ByteBuffer.wrap(block);
        int version = b.getInt(24);
        if (version > VERSION) {
            throw new CorruptionException("superblock: format version " + version + " is newer than " + VERSION);
        }
        Superblock sb = new Superblock(version, b.getInt(28), b.getLong(32), new UUID(b.getLong(40), b.getLong(48)),
                getString(b, 56, LOCK_TABLE_LEN), getString(b, 120, LABEL_LEN), b.getInt(152), b.getInt(156),
                b.getLong(160), b.getLong(168), b.getInt(176), b.getInt(180), b.getLong(184), b.getLong(192),
                b.getInt(200), fenceField(b, 208), (int) fenceField(b, 204));
        if (sb.journalCount < 1 || sb.rgrpCount < 1 || sb.rgrpStart < sb.journalBlock(sb.journalCount)) {
            throw new CorruptionException("superblock: inconsistent layout " + sb);
        }
        String fence = sb.fenceAreaProblem();
        if (fence != null) {
            throw new CorruptionException("superblock: " + fence);
        }
        return sb;
    }

    /** Reads a fence-area field: an int at 204 or a long at 208, meaningful only with the flag. */
    private static long fenceField(ByteBuffer b, int off) {
        if ((b.getInt(200) & FLAG_FENCE_AREA) == 0) {
            return 0;
        }
        return off == 204 ? b.getInt(off) : b.getLong(off);
    }

    /**
     * Why the fence area fields are impossible, or null: the area must lie between the superblock and the first
     * journal and hold at least {@link #FENCE_AREA_BYTES}.
     */
    public String fenceAreaProblem() {
        if (!hasFenceArea()) {
            return null;
        }
        if (fenceStart < 1 || fenceBlocks < 1 || (fenceStart * blockSize) % FENCE_AREA_ALIGN != 0 || (long) fenceBlocks * blockSize < FENCE_AREA_BYTES
                || fenceStart + fenceBlocks > journalStart) {
            return "fence area of " + fenceBlocks + " blocks at block " + fenceStart + " does not fit between the "
                    + "superblock and the journals (first journal block " + journalStart + ", at least "
                    + FENCE_AREA_BYTES + " bytes needed, 4 KiB aligned)";
        }
        return null;
    }

    private static void putString(ByteBuffer b, int off, String s, int max) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > max) {
            throw new IllegalArgumentException("'" + s + "' is longer than " + max + " bytes");
        }
        b.put(off, bytes);
    }

    private static String getString(ByteBuffer b, int off, int max) {
        byte[] bytes = new byte[max];
        b.get(off, bytes);
        int n = 0;
        while (n < max && bytes[n] != 0) {
            n++;
        }
        return new String(bytes, 0, n, StandardCharsets.UTF_8);
    }
}
