package org.gfspnfs.gfs.format;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.gfspnfs.gfs.CorruptionException;

/** The superblock (block 0), see FORMAT.md "Superblock". */
public record Superblock(int version, int blockSize, long totalBlocks, UUID uuid, String lockTable, String label,
                         int journalCount, int journalBlocks, long journalStart, long rgrpStart, int rgrpBlocks,
                         int rgrpCount, long rootDinode, long mkfsTime) {
    public static final int VERSION = 1;
    public static final int MIN_BLOCK = 512;
    public static final int MAX_BLOCK = 65536;
    public static final int LOCK_TABLE_LEN = 64;
    public static final int LABEL_LEN = 32;

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
        b.putLong(184, rootDinode).putLong(192, mkfsTime).putInt(200, 0);
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
                b.getLong(160), b.getLong(168), b.getInt(176), b.getInt(180), b.getLong(184), b.getLong(192));
        if (sb.journalCount < 1 || sb.rgrpCount < 1 || sb.rgrpStart < sb.journalBlock(sb.journalCount)) {
            throw new CorruptionException("superblock: inconsistent layout " + sb);
        }
        return sb;
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
