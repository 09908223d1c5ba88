package org.gfspnfs.gfs.impl;

import org.gfspnfs.gfs.FileAttributes;
import org.gfspnfs.gfs.lock.LockMode;
import org.gfspnfs.gfs.lock.LockName;

/**
 * This node's view of one glock: the mode the lock module granted, how many local holders use it, and a pending
 * demote requested by another node. A glock whose mode is granted but has no holders is "cached": its metadata stays
 * valid in the {@link MetaCache} until a blocking callback makes this node give it up. {@code busy} marks a
 * promotion or demotion in flight (one at a time).
 */
final class GlockState {
    final LockName name;
    LockMode granted = LockMode.UN;
    int holders;
    LockMode demoteTo;
    boolean busy;
    byte[] lvb;
    boolean lvbValid;
    long demotes;
    /** {@code System.nanoTime()} when the last holder let go: least recently used first when glocks are reclaimed. */
    long idleSince;
    /** Taken out of the glock map by {@link Glocks#prune}: whoever looked it up before must look again. */
    boolean forgotten;
    /**
     * The attributes of the inode this glock covers, decoded from its cached dinode (null: not decoded, or no longer
     * valid). Set only while no operation is changing the dinode ({@link #dinodeWriters} 0); every change and every
     * grant or release of the lock clears it.
     */
    FileAttributes attributes;
    /** Operations of this node that have changed (or created) the dinode and not yet finished. */
    int dinodeWriters;

    GlockState(LockName name) {
        this.name = name;
    }

    /** Whether a pending demote is still needed given what is granted now. */
    boolean demoteNeeded() {
        if (demoteTo == null) {
            return false;
        }
        if (granted == LockMode.UN || granted == demoteTo) {
            demoteTo = null;
            return false;
        }
        if (demoteTo == LockMode.SH && granted == LockMode.SH) {
            demoteTo = null;
            return false;
        }
        return true;
    }
}
