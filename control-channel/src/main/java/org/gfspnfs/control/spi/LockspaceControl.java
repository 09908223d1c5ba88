package org.gfspnfs.control.spi;

import org.gfspnfs.control.api.CommandOutcome;
import org.gfspnfs.control.api.ControlException;

/**
 * Mutating side of dlm-bridge: this node leaves or joins a lockspace (dlm_new_lockspace / dlm_release_lockspace).
 * Leaving a lockspace a mounted filesystem uses must be refused.
 */
public interface LockspaceControl {
    CommandOutcome leave(String lockspace) throws ControlException;

    CommandOutcome join(String lockspace) throws ControlException;
}
