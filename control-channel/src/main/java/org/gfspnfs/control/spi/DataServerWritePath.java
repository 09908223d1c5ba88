package org.gfspnfs.control.spi;

import java.util.List;

import org.gfspnfs.control.api.AllocationRequest;
import org.gfspnfs.control.api.ControlException;
import org.gfspnfs.control.api.FileRange;
import org.gfspnfs.control.api.MappedExtent;
import org.gfspnfs.control.api.WrittenQuery;
import org.gfspnfs.control.api.WrittenReport;

/**
 * The MDS side of the pNFS write path for data servers in other processes (DESIGN "block ownership", pnfs-mds
 * LAYOUT.md; RFC 8881 section 13.7: data written through storage devices becomes visible at LAYOUTCOMMIT). A data
 * server never changes metadata: it asks the MDS to allocate unwritten extents (the MDS takes the inode glock EX,
 * the data server afterwards maps the blocks under its own SH glock), reports what it wrote, and asks which ranges
 * were reported when it reads or completes a partial block.
 *
 * <p>Errors: {@code NoSuchEntityException} when the file is gone (the DS answers NFS4ERR_STALE),
 * {@code CommandRefusedException} when the filesystem has no space (NFS4ERR_NOSPC), {@code InvalidRequestException}
 * for a range beyond the largest file (NFS4ERR_FBIG).
 */
public interface DataServerWritePath {
    /** Allocates the holes of the chunk(s) around the request as unwritten; returns the request's mapping. */
    List<MappedExtent> allocate(AllocationRequest request) throws ControlException;

    /** Records what data servers wrote; returns how many ranges were recorded. Idempotent (ranges merge). */
    int written(List<WrittenReport> reports) throws ControlException;

    /** The reported ranges (converted or not) inside the query's range, in order. */
    List<FileRange> writtenWithin(WrittenQuery query) throws ControlException;
}
