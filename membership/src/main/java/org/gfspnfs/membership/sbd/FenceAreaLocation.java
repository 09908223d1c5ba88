package org.gfspnfs.membership.sbd;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where one disk-fencing area is: a file or device and the byte offset of the area in it.
 *
 * @param path   the shared device, image, or {@code <image>.fence} file
 * @param offset byte offset of the area's header (0 for a device of its own; the superblock's fence area offset for
 *               the area inside the filesystem device, gfs-layout FORMAT.md "Disk-fencing area")
 */
public record FenceAreaLocation(Path path, long offset) {
    public FenceAreaLocation {
        Objects.requireNonNull(path, "path");
        if (offset < 0 || offset % PoisonPillArea.SLOT_SIZE != 0) {
            throw new IllegalArgumentException("fence area offset must be a multiple of "
                    + PoisonPillArea.SLOT_SIZE + ": " + offset);
        }
    }

    /** An area at the start of {@code path}. */
    public static FenceAreaLocation startOf(Path path) {
        return new FenceAreaLocation(path, 0);
    }

    @Override
    public String toString() {
        return offset == 0 ? path.toString() : path + "@" + offset;
    }
}
