package org.gfspnfs.gfs;

/**
 * An open-like hold on an inode (the GFS2 iopen glock held shared): while any node holds one, an unlinked inode
 * keeps its blocks and stays readable. Closing the last hold cluster-wide frees an unlinked inode.
 */
public interface InodeHold extends AutoCloseable {
    /** The inode held. */
    InodeId id();

    /** Releases the hold; idempotent. */
    @Override
    void close() throws GfsException;
}
