package org.gfspnfs.nfs41.transport;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A direct buffer the socket reads RPC records into, shared by the records that lie in it. Every holder (the
 * connection reading into it, each record handed on) counts once; the last {@link #release()} gives the slab back
 * to its pool, so its memory is read into again instead of being left to the garbage collector. Public for other
 * receivers of RPC records (the load generator's client reads its large replies into slabs too).
 */
public final class Slab {
    private final ByteBuffer memory;
    private final SlabPool pool;
    private final AtomicInteger holders = new AtomicInteger();

    Slab(SlabPool pool, int capacity) {
        this.pool = pool;
        this.memory = ByteBuffer.allocateDirect(capacity);
    }

    public int capacity() {
        return memory.capacity();
    }

    /** A view of bytes [from, to), position 0; the slab's own position and limit are never touched. */
    public ByteBuffer window(int from, int to) {
        return memory.slice(from, to - from);
    }

    int intAt(int index) {
        return memory.getInt(index);
    }

    /** Moves bytes [from, to) of {@code other} to the start of this slab. */
    void copyFrom(Slab other, int from, int to) {
        memory.put(0, other.memory, from, to - from);
    }

    /** Taken from the pool: the taker is the only holder. */
    void taken() {
        holders.set(1);
    }

    /** One more holder. */
    public void hold() {
        holders.incrementAndGet();
    }

    /** One holder fewer; the last gives the slab back to its pool. */
    public void release() {
        int left = holders.decrementAndGet();
        if (left == 0) {
            pool.giveBack(this);
        } else if (left < 0) {
            throw new IllegalStateException("slab released more often than held");
        }
    }
}
