package org.gfspnfs.control.api;

/**
 * Usage of one GFS2 resource group: where it starts, its size and free blocks, dinodes allocated in it, and the node
 * that holds its rgrp glock (0 if none).
 */
public record RgrpUsage(int index, long firstBlock, long blocks, long freeBlocks, long dinodes, int holderNodeId) {
}
