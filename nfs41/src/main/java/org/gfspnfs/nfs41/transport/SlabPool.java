package org.gfspnfs.nfs41.transport;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * The direct buffers one RPC server reads its requests into, in two sizes: small slabs for ordinary requests and
 * large ones that hold whole READ/WRITE-sized records, so a WRITE's data lies in one piece of direct memory the
 * filesystem can write without copying it. Slabs are made when none is free and kept for reuse up to a bound per
 * size; beyond it a returned slab is left to the garbage collector.
 */
public final class SlabPool {
    private final int smallSize;
    private final int largeSize;
    private final ArrayBlockingQueue<Slab> small;
    private final ArrayBlockingQueue<Slab> large;
    private final LongAdder made = new LongAdder();

    /**
     * @param smallSize bytes of a small slab
     * @param largeSize bytes of a large slab: at least the largest record accepted plus one read's room
     * @param keepSmall small slabs kept for reuse at most
     * @param keepLarge large slabs kept for reuse at most
     */
    public SlabPool(int smallSize, int largeSize, int keepSmall, int keepLarge) {
        if (smallSize <= 0 || largeSize < smallSize) {
            throw new IllegalArgumentException("slab sizes " + smallSize + " / " + largeSize);
        }
        this.smallSize = smallSize;
        this.largeSize = largeSize;
        this.small = new ArrayBlockingQueue<>(Math.max(1, keepSmall));
        this.large = new ArrayBlockingQueue<>(Math.max(1, keepLarge));
    }

    int smallSize() {
        return smallSize;
    }

    int largeSize() {
        return largeSize;
    }

    /** A slab of at least {@code bytes} (a large one when {@code preferLarge}), held once by the caller. */
    public Slab take(int bytes, boolean preferLarge) {
        if (bytes > largeSize) {
            throw new IllegalArgumentException(bytes + " bytes exceed the large slab size " + largeSize);
        }
        boolean big = preferLarge || bytes > smallSize;
        Slab s = (big ? large : small).poll();
        if (s == null) {
            s = new Slab(this, big ? largeSize : smallSize);
            made.increment();
        }
        s.taken();
        return s;
    }

    void giveBack(Slab s) {
        (s.capacity() == largeSize ? large : small).offer(s);
    }

    /** Slabs made since the pool was created: stays flat while records are handed back. */
    public long slabsMade() {
        return made.sum();
    }

    /** Slabs waiting for reuse. */
    public int slabsFree() {
        return small.size() + large.size();
    }
}
