package org.gfspnfs.ds;

import java.util.List;

import org.gfspnfs.gfs.Extent;
import org.gfspnfs.gfs.GfsException;
import org.gfspnfs.gfs.InodeId;

/**
 * What a data server asks of the MDS on the write path (DESIGN "block ownership", pnfs-mds LAYOUT.md): a data server
 * never changes metadata, so blocks for a hole are allocated by the MDS (as unwritten extents, in large chunks) and
 * what the data server wrote is reported so that LAYOUTCOMMIT converts exactly those ranges (RFC 8881 section 13.7).
 * In one process this is the MDS's {@code UnwrittenExtents} called directly; a data server in another process uses
 * {@link RemoteMetadataServerLink} over the control channel (one call per chunk allocation, reports batched until
 * {@link #flush}).
 *
 * <p>Errors: a {@link GfsException} is the MDS's answer (no space, file gone); a
 * {@link MetadataServerUnavailableException} means there was no answer, and the client is told to retry
 * (NFS4ERR_DELAY).
 */
public interface MetadataServerLink {

    /** Allocates the holes around {@code [offset, offset+length)} as unwritten; returns the range's mapping. */
    List<Extent> allocate(InodeId file, long offset, long length)
            throws GfsException, MetadataServerUnavailableException;

    /**
     * This data server wrote {@code [offset, offset+length)} into unwritten blocks (the exact bytes; the rest of
     * those blocks holds zeros, so converting them whole is safe). The MDS may hear of it only at the next
     * {@link #flush}.
     */
    void written(InodeId file, long offset, long length);

    /**
     * The ranges reported written (committed or not, by any data server, including this one's reports not yet
     * flushed) inside {@code [offset, end)}, in order.
     */
    List<ByteRange> writtenWithin(InodeId file, long offset, long end)
            throws GfsException, MetadataServerUnavailableException;

    /**
     * Makes sure the MDS knows every range {@link #written} so far, before a COMMIT or stable WRITE is answered: the
     * client's LAYOUTCOMMIT that follows must convert them. On failure the ranges stay queued for the next flush.
     */
    default void flush() throws MetadataServerUnavailableException {
    }

    /** A half-open byte range {@code [start, end)}. */
    record ByteRange(long start, long end) {
    }
}
