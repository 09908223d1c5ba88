package org.gfspnfs.gfs.impl;

import java.util.ArrayList;
import java.util.List;
import org.gfspnfs.gfs.GfsException;
import org.gfspnfs.gfs.InodeId;
import org.gfspnfs.gfs.StaleHandleException;
import org.gfspnfs.gfs.format.BlockState;
import org.gfspnfs.gfs.format.RgrpHeader;
import org.gfspnfs.gfs.lock.LockMode;
import org.gfspnfs.gfs.lock.LockName;

/**
 * Frees inodes that have no links left once nobody holds them open anywhere (GFS2 delete_work): IOPEN is tried
 * exclusively; if another node holds it, that node frees the inode when it lets go. Big inodes are freed in
 * several transactions, data first, so every commit is a consistent filesystem.
 */
final class Deallocator {
    private final OpRunner runner;
    private final Glocks glocks;
    private final Holds holds;
    private final FileData data;
    private final Directory dirs;
    private final BlockTree tree;

    Deallocator(OpRunner runner, Glocks glocks, Holds holds, FileData data, Directory dirs, BlockTree tree) {
        this.runner = runner;
        this.glocks = glocks;
        this.holds = holds;
        this.data = data;
        this.dirs = dirs;
        this.tree = tree;
    }

    /** Frees the inode if it is unlinked and nobody holds it; returns whether it was freed. */
    boolean tryFree(InodeId id) throws GfsException {
        if (holds.isHeld(id.number()) || stillLinked(id)) {
            return false;
        }
        LockName iopen = Holds.iopen(id.number());
        if (!glocks.acquire(iopen, LockMode.EX, true)) {
            return false;
        }
        try {
            return free(id);
        } finally {
            glocks.releaseAndUnlock(iopen);
        }
    }

    /**
     * A shared look first: the last close of a file that still has links (the common case) must not take its
     * inode glock exclusively, which would pull it from every node reading it. A link count that drops to zero
     * after this look is freed by the node that dropped it (its own tryFree) or by recoverUnlinked.
     */
    private boolean stillLinked(InodeId id) throws GfsException {
        return runner.run(op -> {
            try {
                return Inode.load(op, id, LockMode.SH).d.nlink() > 0;
            } catch (StaleHandleException e) {
                return Boolean.TRUE;
            }
        });
    }

    private boolean free(InodeId id) throws GfsException {
        for (;;) {
            Boolean done = runner.run(op -> {
                Inode ino;
                try {
                    ino = Inode.load(op, id, LockMode.EX);
                } catch (StaleHandleException e) {
                    return Boolean.FALSE;
                }
                if (ino.d.nlink() > 0) {
                    return Boolean.FALSE;
                }
                if (Directory.hashed(ino)) {
                    return freeWhole(op, ino, true);
                }
                if (tree.lastMapped(op, ino) >= 0) {
                    data.shrink(op, ino, 0, op.mount().clock().instant());
                    return null;
                }
                return freeWhole(op, ino, false);
            });
            if (done != null) {
                return done;
            }
        }
    }

    private Boolean freeWhole(Op op, Inode ino, boolean dir) throws GfsException {
        List<Long> blocks = new ArrayList<>();
        if (dir) {
            dirs.collectBlocks(op, ino, blocks);
        }
        blocks.add(ino.number);
        FileData.lockGroups(op, blocks);
        op.beginApply();
        if (dir) {
            dirs.freeAll(op, ino, blocks.subList(0, blocks.size() - 1));
        }
        op.mount().allocator().free(op, ino.number, true);
        return Boolean.TRUE;
    }

    /** Finds UNLINKED dinodes (left by a crash or by holders on nodes that died) and frees those nobody holds. */
    int recoverUnlinked() throws GfsException {
        List<Long> found = new ArrayList<>();
        for (Rgrp r : runner.run(op -> op.mount().allocator().rgrps())) {
            runner.run(op -> {
                op.lock(r.glock, LockMode.SH);
                Buffer h = op.mount().allocator().header(op, r);
                if (new RgrpHeader(h.data).unlinked() == 0) {
                    return null;
                }
                for (long j = 0; j < r.dataBlocks; j++) {
                    if (op.mount().allocator().state(op, r.dataStart + j) == BlockState.UNLINKED) {
                        found.add(r.dataStart + j);
                    }
                }
                return null;
            });
        }
        int freed = 0;
        for (long n : found) {
            Long gen = runner.run(op -> Inode.load(op, n, LockMode.SH).d.generation());
            if (tryFree(new InodeId(n, gen))) {
                freed++;
            }
        }
        return freed;
    }

}
