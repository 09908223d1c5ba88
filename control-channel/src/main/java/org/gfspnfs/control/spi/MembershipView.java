package org.gfspnfs.control.spi;

import org.gfspnfs.control.api.ControlException;
import org.gfspnfs.control.api.NodeStatus;

/**
 * Read side of the membership module for the control channel: the member view, votequorum state, the fencing log and
 * the recovery steps (DESIGN.md "Recovery sequence", steps 1-7) with their timestamps. Implemented by the node daemon
 * over membership; must be cheap and never block on the network (answers come from local state).
 */
public interface MembershipView {
    NodeStatus status() throws ControlException;
}
