package org.gfspnfs.membership.api;

/**
 * The cluster member view as one node sees it: who is a member, whether this partition is quorate, and which lost
 * members have been fenced.
 *
 * <p>This is the contract between membership (Hazelcast heartbeats + our quorum and fencing, DESIGN.md "Membership
 * is Hazelcast, correctness is ours") and its consumers, chiefly the DLM, whose recovery (dlm_recoverd in Linux)
 * starts only when the view is {@linkplain ViewSnapshot#recoverable() recoverable}: quorate and with every lost node
 * fenced. Listeners see every change exactly once, in order, on one thread owned by the view.
 */
public interface MemberView {

    /** The view right now. */
    ViewSnapshot snapshot();

    /**
     * Registers a listener for changes after this call. The returned handle removes it.
     * Listeners are called serially, in registration order for one event, events in view order.
     */
    Registration addListener(MemberListener listener);

    /** Undoes a {@link #addListener} call. */
    @FunctionalInterface
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
