package org.gfspnfs.membership.api;

/**
 * Receives {@link MemberEvent}s. A {@link MemberView} calls its listeners one event at a time, in view order, from a
 * single thread it owns; a listener must return quickly (hand work to its own threads) and must not throw.
 */
@FunctionalInterface
public interface MemberListener {
    void onEvent(MemberEvent event);
}
