package org.gfspnfs.gfs.impl;

import org.gfspnfs.gfs.format.MetaType;
import org.gfspnfs.gfs.lock.LockName;

/**
 * A cached metadata block. Valid only while its owner glock is held or cached by this node; {@code dirty} means it
 * is part of the log batch that has not been committed yet.
 */
final class Buffer {
    final long addr;
    final MetaType type;
    final LockName owner;
    final byte[] data;
    boolean dirty;
    /** Looked up since the cache last trimmed (second chance; guarded by the cache's monitor). */
    boolean referenced;

    Buffer(long addr, MetaType type, LockName owner, byte[] data) {
        this.addr = addr;
        this.type = type;
        this.owner = owner;
        this.data = data;
    }
}
