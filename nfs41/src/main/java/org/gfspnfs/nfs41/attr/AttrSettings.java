package org.gfspnfs.nfs41.attr;

/**
 * Server-wide values published as attributes: lease_time (seconds), maxread/maxwrite (bytes), and the pNFS
 * layout types and block size (fs_layout_types, layout_blksize; empty when the server is not an MDS), and the size
 * below which a regular file is best read and written through the MDS (mdsthreshold; 0: no such hint).
 */
public record AttrSettings(int leaseSeconds, int maxRead, int maxWrite, int[] layoutTypes, int layoutBlockSize,
                           long mdsThreshold) {
    /** Without an mdsthreshold hint. */
    public AttrSettings(int leaseSeconds, int maxRead, int maxWrite, int[] layoutTypes, int layoutBlockSize) {
        this(leaseSeconds, maxRead, maxWrite, layoutTypes, layoutBlockSize, 0);
    }
}
