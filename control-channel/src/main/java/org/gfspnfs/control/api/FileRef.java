package org.gfspnfs.control.api;

/**
 * A file as the DS/MDS write-path procedures name it: the gfs inode number (block address of the dinode) and its
 * allocation generation, exactly what the MDS file handle carries. A reused inode block has another generation, so
 * a request about a deleted file can never touch its successor.
 */
public record FileRef(long inode, long generation) {
}
