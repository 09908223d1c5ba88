package org.gfspnfs.control.api;

import java.util.List;
import java.util.Objects;

/**
 * What one data server wrote into unwritten blocks of one file (whole blocks), so that LAYOUTCOMMIT converts
 * exactly those ranges and nothing a client never wrote (pnfs-mds LAYOUT.md).
 */
public record WrittenReport(FileRef file, List<FileRange> ranges) {
    public WrittenReport {
        Objects.requireNonNull(file, "file");
        ranges = List.copyOf(ranges);
    }
}
