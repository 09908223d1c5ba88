package org.gfspnfs.dlm.api;

/**
 * The blocking callback (Linux: the blocking AST, "bast"): another request is waiting for a mode incompatible with
 * what {@code lock} holds. It is called exactly once per blocking request, never for the blocked request's own lock,
 * and never on a transport I/O thread. A gfs2 glock answers by writing back and invalidating its cache and then
 * demoting.
 */
@FunctionalInterface
public interface BlockingHandler {
    /** @param blockingMode the mode the waiting request asks for */
    void blocking(Lock lock, LockMode blockingMode);

    /** A handler that ignores blocking notifications. */
    BlockingHandler NONE = (lock, mode) -> { };
}
