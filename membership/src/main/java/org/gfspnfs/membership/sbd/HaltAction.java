package org.gfspnfs.membership.sbd;

/**
 * What a node does when it must stop existing: sbd's watchdog reset. In production this is
 * {@link #runtimeHalt(int)}, called after the {@link IoGate} has been closed so no write can slip out while the JVM
 * dies; tests inject an action they can observe.
 */
@FunctionalInterface
public interface HaltAction {

    /** Stops the node. May return only in tests; production never returns. */
    void halt(String reason);

    /**
     * Logs the reason to stderr and calls {@link Runtime#halt(int)}: no shutdown hooks, no finalizers, no flushing
     * of anything that could reach the shared disk.
     */
    static HaltAction runtimeHalt(int status) {
        return reason -> {
            System.err.println("gfs-pnfs: self-fence: " + reason + "; halting now");
            System.err.flush();
            Runtime.getRuntime().halt(status);
        };
    }
}
