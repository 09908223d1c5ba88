package org.gfspnfs.control.server;

import java.util.concurrent.atomic.AtomicLong;

/** What the dispatcher did with the calls it saw; read through {@link ControlServer#counters()}. */
public final class ServerCounters {
    private final AtomicLong served = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong unavailable = new AtomicLong();
    private final AtomicLong garbage = new AtomicLong();
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong guardDenied = new AtomicLong();
    private final AtomicLong closed = new AtomicLong();

    void record() {
        records.incrementAndGet();
    }

    void guardDenied() {
        guardDenied.incrementAndGet();
    }

    void closedConnection() {
        closed.incrementAndGet();
    }

    /** Complete RPC records received (every call the server looked at, well-formed or not). */
    public long records() {
        return records.get();
    }

    /** Calls denied by the header guard before oncrpc4j decoded them (bad credential or verifier size, flavor). */
    public long guardDeniedCalls() {
        return guardDenied.get();
    }

    /** Connections closed by the server because their stream could not be trusted (oversized or broken record). */
    public long closedConnections() {
        return closed.get();
    }

    void served() {
        served.incrementAndGet();
    }

    void refused() {
        refused.incrementAndGet();
    }

    void unavailable() {
        unavailable.incrementAndGet();
    }

    void garbage() {
        garbage.incrementAndGet();
    }

    /** Calls answered by a procedure (any ctl_status). */
    public long servedCalls() {
        return served.get();
    }

    /** Calls refused with AUTH_ERROR. */
    public long refusedCalls() {
        return refused.get();
    }

    /** Authenticated calls to an unknown procedure (PROC_UNAVAIL). */
    public long unavailableCalls() {
        return unavailable.get();
    }

    /** Authenticated calls whose arguments did not decode (GARBAGE_ARGS). */
    public long garbageCalls() {
        return garbage.get();
    }

    @Override
    public String toString() {
        return "records=" + records + " served=" + served + " refused=" + refused + " guardDenied=" + guardDenied
                + " unavailable=" + unavailable + " garbage=" + garbage + " closedConnections=" + closed;
    }
}
