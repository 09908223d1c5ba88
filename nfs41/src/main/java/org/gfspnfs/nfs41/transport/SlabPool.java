package org.gfspnfs.nfs41.transport;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.LongAdder;

/**
 * The direct buffers one RPC server reads its requests into, in two sizes: small slabs for ordinary requests and
 * large ones that hold one whole READ/WRITE-sized record, so a WRITE's data lies in one piece of direct memory the
 * filesystem can write without copying it. A record larger than that (allowed up to the server's record limit, but
 * not sent by clients that keep to the session's negotiated sizes) gets a slab of its own size that is not kept.
 *
 * <p>Slabs are made when none is free and kept for reuse up to a bound per size; beyond it a returned slab is left
 * to the garbage collector. The bound matters for throughput: making a slab zeroes its memory and faults its pages
 * in, which cost about as much as receiving its bytes, so it is set to cover every record a busy server holds at
 * once. The most recently returned slab is handed out first: its memory is the likeliest to still be in the CPU's
 * caches.
 */
public final class SlabPool {
    private final int smallSize;
    private final int largeSize;
    private final Kept small;
    private final Kept large;
    private final LongAdder made = new LongAdder();

    /**
     * @param smallSize bytes of a small slab
     * @param largeSize bytes of a large slab: the largest record clients send plus room for one read
     * @param keepSmall small slabs kept for reuse at most
     * @param keepLarge large slabs kept for reuse at most
     */
    public SlabPool(int smallSize, int largeSize, int keepSmall, int keepLarge) {
        if (smallSize <= 0 || largeSize < smallSize) {
            throw new IllegalArgumentException("slab sizes " + smallSize + " / " + largeSize);
        }
        this.smallSize = smallSize;
        this.largeSize = largeSize;
        this.small = new Kept(Math.max(1, keepSmall));
        this.large = new Kept(Math.max(1, keepLarge));
    }

    int smallSize() {
        return smallSize;
    }

    int largeSize() {
        return largeSize;
    }

    /**
     * A slab of at least {@code bytes} (a large one when {@code preferLarge}), held once by the caller: above the
     * large size, one of exactly {@code bytes} that is dropped when released.
     */
    public Slab take(int bytes, boolean preferLarge) {
        if (bytes > largeSize) {
            made.increment();
            Slab oversized = new Slab(this, bytes);
            oversized.taken();
            return oversized;
        }
        boolean big = preferLarge || bytes > smallSize;
        Slab s = (big ? large : small).pop();
        if (s == null) {
            s = new Slab(this, big ? largeSize : smallSize);
            made.increment();
        }
        s.taken();
        return s;
    }

    void giveBack(Slab s) {
        if (s.capacity() == largeSize) {
            large.push(s);
        } else if (s.capacity() == smallSize) {
            small.push(s);
        }
    }

    /** Slabs made since the pool was created: stays flat while records are handed back. */
    public long slabsMade() {
        return made.sum();
    }

    /** Slabs waiting for reuse. */
    public int slabsFree() {
        return small.size() + large.size();
    }

    /** The free slabs of one size, last returned first out, at most {@code bound} of them. */
    private static final class Kept {
        private final ArrayDeque<Slab> stack = new ArrayDeque<>();
        private final int bound;

        Kept(int bound) {
            this.bound = bound;
        }

        synchronized Slab pop() {
            return stack.pollFirst();
        }

        synchronized void push(Slab s) {
            if (stack.size() < bound) {
                stack.addFirst(s);
            }
        }

        synchronized int size() {
            return stack.size();
        }
    }
}
