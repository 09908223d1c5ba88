package org.gfspnfs.node.cluster;

import org.gfspnfs.conf.ClusterNode;
import org.gfspnfs.control.api.CommandOutcome;
import org.gfspnfs.control.api.CommandRefusedException;
import org.gfspnfs.control.api.NoSuchEntityException;
import org.gfspnfs.control.spi.FencingControl;

/**
 * {@code gfsctl fence-ack NODE} (fence_ack_manual, {@code dlm_tool fence_ack}): the operator vouches that a lost
 * node is off, which releases a fencing that waits on a manual method or on agents that keep failing. Refused for a
 * live member and for a node nobody is fencing, so a typo cannot let recovery run under a node that still writes.
 */
public final class ManualFenceControl implements FencingControl {
    private final ClusterStack stack;
    private final ClusterMembershipStatus status;

    public ManualFenceControl(ClusterStack stack, ClusterMembershipStatus status) {
        this.stack = stack;
        this.status = status;
    }

    @Override
    public CommandOutcome acknowledgeFence(String node) throws NoSuchEntityException, CommandRefusedException {
        ClusterNode victim = stack.conf().node(node).orElseThrow(() -> new NoSuchEntityException(
                "no node '" + node + "' in cluster.conf"));
        if (stack.view().snapshot().member(victim.nodeId()).isPresent()) {
            throw new CommandRefusedException("node " + node + " is a live member; only a lost node can be "
                    + "acknowledged as fenced");
        }
        String operator = "gfsctl on " + stack.self().name();
        if (!stack.acks().acknowledge(victim.nodeId(), operator)) {
            if (status.fencedOrLeft(victim.nodeId()) || stack.fenceConfirmed(victim.nodeId())) {
                // gfsctl asks every node; another survivor took the acknowledgement (or an agent succeeded) first.
                return new CommandOutcome("node " + node + " is already fenced; nothing waits on "
                        + stack.self().name(), 0);
            }
            throw new CommandRefusedException("nothing is fencing node " + node + " on " + stack.self().name());
        }
        status.acknowledged(node, operator);
        return new CommandOutcome("fencing of " + node + " acknowledged; recovery continues", 1);
    }
}
