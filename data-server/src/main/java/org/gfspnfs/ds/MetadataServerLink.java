package org.gfspnfs.ds;

import java.util.List;

import org.gfspnfs.gfs.Extent;
import org.gfspnfs.gfs.GfsException;
import org.gfspnfs.gfs.InodeId;

/**
 * What a data server asks of the MDS on the write path (DESIGN "block ownership", pnfs-mds LAYOUT.md): a data server
 * never changes metadata, so blocks for a hole are allocated by the MDS (as unwritten extents, in large chunks) and
 * what the data server wrote is reported so that LAYOUTCOMMIT converts exactly those ranges. In one process this is
 * the MDS's {@code UnwrittenExtents} called directly; a data server in another process will implement it over the
 * control channel (allocation per chunk, reports batched until COMMIT).
 */
public interface MetadataServerLink {

    /** Allocates the holes around {@code [offset, offset+length)} as unwritten; returns the range's mapping. */
    List<Extent> allocate(InodeId file, long offset, long length) throws GfsException;

    /** This data server wrote {@code [offset, offset+length)} (whole blocks: partial blocks were zero filled). */
    void written(InodeId file, long offset, long length);

    /** The ranges reported written (and not yet committed) inside {@code [offset, end)}, in order. */
    List<ByteRange> writtenWithin(InodeId file, long offset, long end);

    /** A half-open byte range {@code [start, end)}. */
    record ByteRange(long start, long end) {
    }
}
