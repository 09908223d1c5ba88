package org.gfspnfs.gfs.impl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import org.gfspnfs.gfs.DeviceIOException;
import org.gfspnfs.gfs.GfsException;
import org.gfspnfs.gfs.device.BlockDevice;
import org.gfspnfs.gfs.format.Meta;
import org.gfspnfs.gfs.format.MetaType;
import org.gfspnfs.gfs.lock.LockName;

/**
 * Metadata blocks cached under the glocks that cover them (GFS2 keeps them in the glock's address space): every
 * read verifies the block's header and CRC, and invalidating a glock drops exactly its blocks.
 */
final class MetaCache {
    private final BlockDevice device;
    private final int blockSize;
    /**
     * In the order blocks came in; a lookup only marks its block referenced (second chance, like the kernel's page
     * reclaim), so a lookup writes no map links: READDIR looks up thousands of dinodes per call.
     */
    private final Map<Long, Buffer> blocks = new java.util.LinkedHashMap<>(1024, 0.75f, false);
    private final Map<LockName, Set<Long>> byOwner = new HashMap<>();
    /** Committed images not yet written in place (the journal's checkpoint is lazy): newer than the device's. */
    private LongFunction<byte[]> unwritten = addr -> null;

    MetaCache(BlockDevice device, int blockSize) {
        this.device = device;
        this.blockSize = blockSize;
    }

    /** Reads look up blocks here before the device, once the journal writer exists (after replay at mount). */
    void readThrough(LongFunction<byte[]> committedNotInPlace) {
        this.unwritten = committedNotInPlace;
    }

    int blockSize() {
        return blockSize;
    }

    /** The block at {@code addr}, from cache or device; fails with CorruptionException if it is not a valid type. */
    synchronized Buffer read(long addr, MetaType type, LockName owner) throws GfsException {
        Buffer b = lookup(addr);
        if (b != null && b.type == type && b.owner.equals(owner)) {
            return b;
        }
        byte[] data = new byte[blockSize];
        readRaw(addr, data);
        Meta.verify(data, type, addr);
        b = new Buffer(addr, type, owner, data);
        put(b);
        return b;
    }

    /** Reads a block without verifying or caching it: its newest committed image, in place or not yet. */
    void readRaw(long addr, byte[] into) throws GfsException {
        byte[] committed = unwritten.apply(addr);
        if (committed != null) {
            System.arraycopy(committed, 0, into, 0, blockSize);
            return;
        }
        try {
            device.read(addr * blockSize, ByteBuffer.wrap(into));
        } catch (IOException e) {
            throw new DeviceIOException("reading block " + addr + ": " + e.getMessage(), e);
        }
    }

    /** A fresh zeroed block with a header, replacing anything cached at {@code addr}. */
    synchronized Buffer create(long addr, MetaType type, LockName owner) {
        byte[] data = new byte[blockSize];
        Meta.init(data, type, addr);
        Buffer b = new Buffer(addr, type, owner, data);
        drop(addr);
        put(b);
        return b;
    }

    /** Puts a buffer back (an operation's undo of a free). */
    synchronized void restore(Buffer b) {
        if (blocks.get(b.addr) != b) {
            drop(b.addr);
            put(b);
        }
    }

    synchronized Buffer cached(long addr) {
        return lookup(addr);
    }

    private Buffer lookup(long addr) {
        Buffer b = blocks.get(addr);
        if (b != null) {
            b.referenced = true;
        }
        return b;
    }

    synchronized void drop(long addr) {
        Buffer old = blocks.remove(addr);
        if (old != null) {
            Set<Long> s = byOwner.get(old.owner);
            if (s != null) {
                s.remove(addr);
            }
        }
    }

    /** Drops every clean block the glock covers (demote to UN); dirty ones must have been flushed first. */
    synchronized void invalidate(LockName owner) {
        Set<Long> s = byOwner.remove(owner);
        if (s == null) {
            return;
        }
        for (long addr : s) {
            Buffer b = blocks.get(addr);
            if (b != null && b.owner.equals(owner)) {
                if (b.dirty) {
                    throw new IllegalStateException("invalidating dirty block " + addr + " of " + owner);
                }
                blocks.remove(addr);
            }
        }
    }

    /**
     * Drops clean blocks until at most {@code max} remain, oldest first; a block looked up since the last trim is
     * spared once and moves to the young end (second chance). Called between operations only, so no operation
     * holds a reference to a dropped block.
     */
    synchronized void trim(int max) {
        if (blocks.size() <= max) {
            return;
        }
        int keep = max * 3 / 4;
        List<Buffer> spared = new ArrayList<>();
        java.util.Iterator<Buffer> it = blocks.values().iterator();
        while (blocks.size() + spared.size() > keep && it.hasNext()) {
            Buffer b = it.next();
            if (b.dirty) {
                continue;
            }
            it.remove();
            if (b.referenced) {
                b.referenced = false;
                spared.add(b);
            } else {
                forgetOwner(b);
            }
        }
        for (Buffer b : spared) {
            blocks.put(b.addr, b);
        }
        // Sparing the referenced blocks left more than keep: drop the oldest clean ones after all.
        it = blocks.values().iterator();
        while (blocks.size() > keep && it.hasNext()) {
            Buffer b = it.next();
            if (!b.dirty) {
                it.remove();
                forgetOwner(b);
            }
        }
    }

    private void forgetOwner(Buffer b) {
        Set<Long> s = byOwner.get(b.owner);
        if (s != null) {
            s.remove(b.addr);
            if (s.isEmpty()) {
                byOwner.remove(b.owner);
            }
        }
    }

    synchronized int size() {
        return blocks.size();
    }

    private void put(Buffer b) {
        blocks.put(b.addr, b);
        byOwner.computeIfAbsent(b.owner, k -> new HashSet<>()).add(b.addr);
    }
}
