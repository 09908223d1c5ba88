package org.gfspnfs.nfs41.transport;

import java.io.IOException;
import java.util.Objects;

/**
 * A call decoded where it was read, ready to run: its work (which answers the call and lets its request memory go),
 * and whether it is brief, that is, whether it may run on the thread that read it.
 *
 * <p>A brief call does nothing that waits on a peer: no callback to a client and no wait for another client's
 * call. It may still wait on the disk or on the lock manager, which makes it take longer but never stops it; while
 * it runs, the other connections of the thread that read it are not read.
 *
 * @param brief may run where it was read
 * @param work  runs the call and answers it
 */
public record PreparedCall(boolean brief, Work work) {
    public PreparedCall {
        Objects.requireNonNull(work, "work");
    }

    /** The part of a call that runs after its decoding. */
    @FunctionalInterface
    public interface Work {
        void run() throws IOException;
    }
}
