package org.gfspnfs.dlm.core;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The DLM recovery state of a node (Linux: LSFL_RUNNING / dlm_recoverd phases), with its allowed transitions.
 * STARTING: joined, waiting for the first recovery to include it. RUNNING: granting. STOPPED: a member changed;
 * nothing is granted, requests queue; waiting until the view is quorate and every lost node fenced. RECOVERING: the
 * barrier protocol runs. CLOSED: shut down.
 */
enum RecoveryState {
    STARTING, RUNNING, STOPPED, RECOVERING, CLOSED;

    private static final Map<RecoveryState, Set<RecoveryState>> NEXT = new EnumMap<>(RecoveryState.class);

    static {
        NEXT.put(STARTING, EnumSet.of(STOPPED, RECOVERING, CLOSED));
        NEXT.put(RUNNING, EnumSet.of(STOPPED, CLOSED));
        NEXT.put(STOPPED, EnumSet.of(STOPPED, RECOVERING, CLOSED));
        NEXT.put(RECOVERING, EnumSet.of(RUNNING, STOPPED, CLOSED));
        NEXT.put(CLOSED, EnumSet.noneOf(RecoveryState.class));
    }

    RecoveryState to(RecoveryState next) {
        if (!NEXT.get(this).contains(next)) {
            throw new IllegalStateException("recovery state " + this + " -> " + next);
        }
        return next;
    }
}
