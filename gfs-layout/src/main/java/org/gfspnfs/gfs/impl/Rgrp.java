package org.gfspnfs.gfs.impl;

import java.util.HashSet;
import java.util.Set;
import org.gfspnfs.gfs.format.RgrpGeometry;
import org.gfspnfs.gfs.format.Superblock;
import org.gfspnfs.gfs.lock.LockName;
import org.gfspnfs.gfs.lock.LockType;

/**
 * One resource group's geometry plus this node's bookkeeping: blocks freed in the uncommitted log batch (not
 * reusable before the free commits, else a crash could leave them referenced by their old owner while holding a new
 * owner's data) and where the last allocation ended.
 */
final class Rgrp {
    final int index;
    final long header;
    final int length;
    final int bitmapBlocks;
    final long dataStart;
    final int dataBlocks;
    final LockName glock;
    private final Set<Long> pendingFree = new HashSet<>();
    long hint;
    /** Where the next indirect block search starts (downward); negative: the top of the group. */
    long metaHint = -1;

    Rgrp(Superblock sb, int index) {
        this.index = index;
        this.header = sb.rgrpAddress(index);
        this.length = sb.rgrpLength(index);
        this.bitmapBlocks = RgrpGeometry.bitmapBlocks(sb.blockSize(), length);
        this.dataStart = header + bitmapBlocks;
        this.dataBlocks = length - bitmapBlocks;
        this.glock = new LockName(LockType.RGRP, header);
    }

    boolean contains(long block) {
        return block >= dataStart && block < dataStart + dataBlocks;
    }

    synchronized void addPendingFree(long block) {
        pendingFree.add(block);
    }

    synchronized boolean isPendingFree(long block) {
        return pendingFree.contains(block);
    }

    synchronized int pendingFreeCount() {
        return pendingFree.size();
    }

    synchronized void committed() {
        pendingFree.clear();
    }
}
