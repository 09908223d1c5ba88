package org.gfspnfs.gfs.impl;

import java.util.List;
import org.gfspnfs.gfs.format.DirEntryFormat.Entry;
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
    /**
     * A directory leaf's entries in cookie order, decoded from {@code data} by a listing and kept for the next
     * (immutable; null: not decoded). Voided whenever the block is about to change and again when the operation that
     * changed it ends ({@link Op#modify}, {@link Op#close}).
     */
    List<Entry> sortedEntries;

    Buffer(long addr, MetaType type, LockName owner, byte[] data) {
        this.addr = addr;
        this.type = type;
        this.owner = owner;
        this.data = data;
    }
}
