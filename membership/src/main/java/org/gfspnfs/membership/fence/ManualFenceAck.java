package org.gfspnfs.membership.fence;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * The operator's word that a node is cut off ({@code dlm_tool fence_ack}, {@code fence_ack_manual}): it releases a
 * fencing that agents could not finish, and it is the whole of the {@code agent="manual"} fence device, which waits
 * for it. The control channel's mutating {@code fence ack} procedure calls {@link #acknowledge}.
 *
 * <p>An acknowledgement is a promise by a human that the node is powered off or disconnected from storage; it is
 * only accepted while that node is being fenced, never stored for later.
 */
public final class ManualFenceAck implements Fencer {

    /**
     * One acknowledgement.
     *
     * @param nodeId   the node said to be cut off
     * @param operator who said so (user, host), for the record
     * @param at       when
     */
    public record Ack(int nodeId, String operator, Instant at) {
        public Ack {
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(at, "at");
        }
    }

    private final Clock clock;
    private final List<Predicate<Ack>> listeners = new CopyOnWriteArrayList<>();
    private final Map<Integer, Integer> waiting = new HashMap<>();
    private final Map<Integer, Ack> delivered = new HashMap<>();

    public ManualFenceAck(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Registers who may take an acknowledgement (the {@link FenceCoordinator}): the predicate returns true when it
     * was fencing that node and now counts it fenced.
     */
    public void addListener(Predicate<Ack> listener) {
        listeners.add(listener);
    }

    /**
     * Acknowledges that {@code nodeId} has been fenced by hand.
     *
     * @return true when a fencing of that node was waiting and is now released; false when nothing was waiting
     *         (the acknowledgement is then dropped)
     */
    public boolean acknowledge(int nodeId, String operator) {
        Ack ack = new Ack(nodeId, operator, clock.instant());
        boolean taken = false;
        synchronized (this) {
            if (waiting.getOrDefault(nodeId, 0) > 0) {
                delivered.put(nodeId, ack);
                notifyAll();
                taken = true;
            }
        }
        for (Predicate<Ack> listener : listeners) {
            taken |= listener.test(ack);
        }
        return taken;
    }

    /** The {@code agent="manual"} device: waits, without a time limit, until an operator acknowledges. */
    @Override
    public FenceOutcome fence(FenceRequest request) throws InterruptedException {
        int nodeId = request.victim().nodeId();
        synchronized (this) {
            waiting.merge(nodeId, 1, Integer::sum);
            try {
                while (!delivered.containsKey(nodeId)) {
                    wait();
                }
                Ack ack = delivered.get(nodeId);
                return FenceOutcome.confirmed("acknowledged by " + ack.operator() + " at " + ack.at());
            } finally {
                if (waiting.merge(nodeId, -1, Integer::sum) <= 0) {
                    waiting.remove(nodeId);
                    delivered.remove(nodeId);
                }
            }
        }
    }
}
