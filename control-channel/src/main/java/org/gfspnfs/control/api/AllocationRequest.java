package org.gfspnfs.control.api;

import java.util.Objects;

/**
 * A data server met a hole in {@code [offset, offset+length)} of {@code file} and asks the MDS to allocate unwritten
 * extents around it (pnfs-mds LAYOUT.md "Allocation: chunks on demand").
 */
public record AllocationRequest(FileRef file, long offset, long length) {
    public AllocationRequest {
        Objects.requireNonNull(file, "file");
    }
}
