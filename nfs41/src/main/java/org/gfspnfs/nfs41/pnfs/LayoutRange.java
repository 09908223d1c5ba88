package org.gfspnfs.nfs41.pnfs;

import java.util.ArrayList;
import java.util.List;

/**
 * A byte range of a layout with its iomode. {@code length} -1 (NFS4_UINT64_MAX on the wire) reaches the end of
 * the file and beyond; {@link #end()} is then {@link Long#MAX_VALUE}.
 */
public record LayoutRange(LayoutIoMode ioMode, long offset, long length) {

    /** Exclusive end, saturated at Long.MAX_VALUE. */
    public long end() {
        if (length == -1 || offset + length < offset) {
            return Long.MAX_VALUE;
        }
        return offset + length;
    }

    /** Whether this range overlaps {@code [offset, end)} and the iomode matches (ANY matches both). */
    public boolean overlaps(LayoutIoMode mode, long from, long to) {
        boolean modeMatches = mode == LayoutIoMode.ANY || mode == ioMode;
        return modeMatches && offset < to && from < end();
    }

    /** What remains of this range after returning {@code [from, to)} of {@code mode}: zero, one or two pieces. */
    public List<LayoutRange> minus(LayoutIoMode mode, long from, long to) {
        if (!overlaps(mode, from, to)) {
            return List.of(this);
        }
        List<LayoutRange> left = new ArrayList<>(2);
        if (offset < from) {
            left.add(new LayoutRange(ioMode, offset, from - offset));
        }
        if (to < end()) {
            left.add(new LayoutRange(ioMode, to, end() == Long.MAX_VALUE ? -1 : end() - to));
        }
        return left;
    }
}
