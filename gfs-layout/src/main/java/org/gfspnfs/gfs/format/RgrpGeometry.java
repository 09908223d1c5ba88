package org.gfspnfs.gfs.format;

/**
 * Where a resource group's bitmap bytes live: the header block holds {@code B-128} bytes, each continuation
 * {@code B-24}; 4 blocks per byte. See FORMAT.md "Resource group".
 */
public final class RgrpGeometry {
    public static final int HEADER_BITMAP_OFFSET = 128;

    private RgrpGeometry() {
    }

    /** Blocks described by a bitmap of {@code k} blocks (header included). */
    public static long capacity(int blockSize, int k) {
        return 4L * ((blockSize - HEADER_BITMAP_OFFSET) + (long) (k - 1) * (blockSize - Meta.HEADER_SIZE));
    }

    /** The smallest bitmap block count {@code k} such that the remaining {@code length-k} blocks are covered. */
    public static int bitmapBlocks(int blockSize, int length) {
        int k = 1;
        while (capacity(blockSize, k) < length - k) {
            k++;
        }
        return k;
    }

    /** Bitmap block (0 = header) holding data block {@code j}'s bits. */
    public static int blockOf(int blockSize, long j) {
        long byteIndex = j / 4;
        long first = blockSize - HEADER_BITMAP_OFFSET;
        if (byteIndex < first) {
            return 0;
        }
        return 1 + (int) ((byteIndex - first) / (blockSize - Meta.HEADER_SIZE));
    }

    /** Byte offset within its bitmap block of data block {@code j}'s bits. */
    public static int byteOf(int blockSize, long j) {
        long byteIndex = j / 4;
        long first = blockSize - HEADER_BITMAP_OFFSET;
        if (byteIndex < first) {
            return HEADER_BITMAP_OFFSET + (int) byteIndex;
        }
        return Meta.HEADER_SIZE + (int) ((byteIndex - first) % (blockSize - Meta.HEADER_SIZE));
    }

    /** Reads the state of data block {@code j} from its bitmap block. */
    public static BlockState get(byte[] bitmapBlock, int blockSize, long j) {
        int shift = (int) (j % 4) * 2;
        return BlockState.of((bitmapBlock[byteOf(blockSize, j)] >> shift) & 3);
    }

    /** Sets the state of data block {@code j} in its bitmap block. */
    public static void set(byte[] bitmapBlock, int blockSize, long j, BlockState s) {
        int shift = (int) (j % 4) * 2;
        int off = byteOf(blockSize, j);
        bitmapBlock[off] = (byte) ((bitmapBlock[off] & ~(3 << shift)) | (s.code() << shift));
    }
}
