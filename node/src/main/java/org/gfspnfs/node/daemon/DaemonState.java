package org.gfspnfs.node.daemon;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Life cycle of a {@link NodeDaemon}, with its allowed transitions (the ratis LifeCycle shape): STARTING to
 * RUNNING once every role serves; any state to STOPPING on shutdown or a start failure; STOPPING to STOPPED when
 * the filesystem is unmounted cleanly, or to FAILED when something could not be released.
 */
public enum DaemonState {
    STARTING, RUNNING, STOPPING, STOPPED, FAILED;

    private static final Map<DaemonState, Set<DaemonState>> NEXT = new EnumMap<>(DaemonState.class);

    static {
        NEXT.put(STARTING, EnumSet.of(RUNNING, STOPPING));
        NEXT.put(RUNNING, EnumSet.of(STOPPING));
        NEXT.put(STOPPING, EnumSet.of(STOPPED, FAILED));
        NEXT.put(STOPPED, EnumSet.noneOf(DaemonState.class));
        NEXT.put(FAILED, EnumSet.noneOf(DaemonState.class));
    }

    /** Whether the daemon may go from this state to {@code next}. */
    public boolean canMoveTo(DaemonState next) {
        return NEXT.get(this).contains(next);
    }

    /** Whether the daemon is done (nothing more will happen). */
    public boolean isTerminal() {
        return this == STOPPED || this == FAILED;
    }
}
