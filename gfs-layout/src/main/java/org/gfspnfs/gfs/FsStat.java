package org.gfspnfs.gfs;

/**
 * Space and inode accounting (statfs), summed over all resource groups.
 *
 * @param blockSize   filesystem block size in bytes
 * @param totalBlocks data blocks in all resource groups
 * @param freeBlocks  free blocks
 * @param totalFiles  inodes in use plus inodes that could still be created (one free block each)
 * @param freeFiles   inodes that could still be created
 */
public record FsStat(int blockSize, long totalBlocks, long freeBlocks, long totalFiles, long freeFiles) {
}
