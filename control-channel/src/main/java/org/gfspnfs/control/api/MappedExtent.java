package org.gfspnfs.control.api;

import java.util.Objects;

/**
 * Where a range of a file lives on the shared device, as the MDS mapped it right after an allocation.
 *
 * @param fileOffset   byte offset in the file (block aligned)
 * @param length       bytes (a multiple of the block size), positive
 * @param deviceOffset byte offset on the shared device, -1 for a hole
 * @param kind         written, unwritten or hole
 */
public record MappedExtent(long fileOffset, long length, long deviceOffset, ExtentKind kind) {
    public MappedExtent {
        Objects.requireNonNull(kind, "kind");
        if (fileOffset < 0 || length <= 0 || deviceOffset < -1) {
            throw new IllegalArgumentException("bad extent " + fileOffset + "+" + length + "@" + deviceOffset);
        }
    }
}
