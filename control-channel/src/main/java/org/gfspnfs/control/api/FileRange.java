package org.gfspnfs.control.api;

/** A half-open byte range {@code [start, end)} of a file; never empty, never negative. */
public record FileRange(long start, long end) {
    public FileRange {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("byte range [" + start + ", " + end + ") is empty or negative");
        }
    }
}
