package org.gfspnfs.control.spi;

import org.gfspnfs.control.api.CommandOutcome;
import org.gfspnfs.control.api.ControlException;

/**
 * The operator's manual fence acknowledgement (fence_ack_manual / {@code dlm_tool fence_ack}): the operator vouches
 * that {@code node} is powered off, so recovery may proceed past step 3 without a successful fence agent. Refuse
 * ({@link org.gfspnfs.control.api.CommandRefusedException}) when the node is a live member or not being fenced.
 */
public interface FencingControl {
    CommandOutcome acknowledgeFence(String node) throws ControlException;
}
