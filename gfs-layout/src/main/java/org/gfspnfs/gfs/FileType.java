package org.gfspnfs.gfs;

import java.util.List;

/** Inode types, with the POSIX {@code S_IFMT} bits they are stored as in the dinode's mode word. */
public enum FileType {
    REGULAR(0100000), DIRECTORY(0040000), SYMLINK(0120000), FIFO(0010000), SOCKET(0140000),
    CHAR_DEVICE(0020000), BLOCK_DEVICE(0060000);

    /** Mask of the type bits in a mode word. */
    public static final int S_IFMT = 0170000;
    /** {@code values()} copies its array on every call. */
    private static final List<FileType> ALL = List.of(values());
    private final int bits;

    FileType(int bits) {
        this.bits = bits;
    }

    /** The {@code S_IFMT} bits of this type. */
    public int modeBits() {
        return bits;
    }

    /** Every type in declaration order, without the copy {@code values()} makes on every call. */
    public static List<FileType> all() {
        return ALL;
    }

    /** The type encoded in a full mode word; {@code null} if the bits name no known type. */
    public static FileType fromMode(int mode) {
        int t = mode & S_IFMT;
        for (FileType ft : ALL) {
            if (ft.bits == t) {
                return ft;
            }
        }
        return null;
    }
}
