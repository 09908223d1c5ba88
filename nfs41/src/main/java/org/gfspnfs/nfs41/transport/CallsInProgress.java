package org.gfspnfs.nfs41.transport;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the calls a server has queued or running, so that a brief call runs where it was read only while the
 * server is otherwise idle: then nothing waits behind it. Under load every call goes to the workers, which run as
 * many calls at once as there are workers.
 */
final class CallsInProgress {
    private final AtomicInteger calls = new AtomicInteger();

    /** Counts a call about to run where it was read if, and only if, none is queued or running. */
    boolean enterIfIdle() {
        return calls.compareAndSet(0, 1);
    }

    /** Counts a call handed to the workers. */
    void enter() {
        calls.incrementAndGet();
    }

    /** A call counted by either method has been answered. */
    void exit() {
        calls.decrementAndGet();
    }
}
