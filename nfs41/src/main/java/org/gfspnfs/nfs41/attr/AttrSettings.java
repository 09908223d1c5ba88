package org.gfspnfs.nfs41.attr;

/**
 * Server-wide values published as attributes: lease_time (seconds), maxread/maxwrite (bytes), and the pNFS
 * layout types and block size (fs_layout_types, layout_blksize; empty when the server is not an MDS).
 */
public record AttrSettings(int leaseSeconds, int maxRead, int maxWrite, int[] layoutTypes, int layoutBlockSize) {
}
