package org.gfspnfs.bench.nfs;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The fore channel slot table of one session from the client side (RFC 8881 section 2.10.6.1): a request may only
 * be sent on a free slot, with that slot's sequence id plus one; the slot is free again when its reply arrives.
 * Taking a slot blocks while all are in use, which is what bounds the requests in flight on a session.
 */
final class SlotPool {
    /** One slot and the sequence id of the request now on it. */
    record Slot(int id, int sequenceId) {
    }

    private final BlockingQueue<Integer> free;
    private final int[] lastSequence;

    SlotPool(int slots) {
        if (slots < 1) {
            throw new IllegalArgumentException("a session has at least one slot, not " + slots);
        }
        free = new ArrayBlockingQueue<>(slots);
        lastSequence = new int[slots];
        for (int i = 0; i < slots; i++) {
            free.add(i);
        }
    }

    int size() {
        return lastSequence.length;
    }

    /** A free slot with the sequence id its next request must carry; blocks until one is free. */
    Slot acquire() throws InterruptedException {
        int id = free.take();
        synchronized (lastSequence) {
            return new Slot(id, lastSequence[id] + 1);
        }
    }

    /**
     * Frees the slot. {@code processed}: the server executed SEQUENCE (whatever the later operations did), so the
     * slot's sequence id advanced; when SEQUENCE itself failed or no reply came, the same id is used again.
     */
    void release(Slot slot, boolean processed) {
        if (processed) {
            synchronized (lastSequence) {
                lastSequence[slot.id()] = slot.sequenceId();
            }
        }
        free.add(slot.id());
    }
}
