package org.gfspnfs.control.api;

import java.util.Objects;

/** Which ranges of {@code [offset, end)} of {@code file} did data servers report written (committed or not)? */
public record WrittenQuery(FileRef file, long offset, long end) {
    public WrittenQuery {
        Objects.requireNonNull(file, "file");
    }
}
