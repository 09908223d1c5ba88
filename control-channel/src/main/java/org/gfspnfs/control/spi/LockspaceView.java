package org.gfspnfs.control.spi;

import java.util.List;
import java.util.Optional;

import org.gfspnfs.control.api.ControlException;
import org.gfspnfs.control.api.LockspaceInfo;
import org.gfspnfs.control.api.ResourceInfo;
import org.gfspnfs.control.api.WaitersReport;

/**
 * Read side of dlm-bridge, shaped like dlm_tool: {@code ls} (lockspaces), {@code lockdebug} (resources with their
 * granted/convert/wait queues and LVB as this node knows them: the resources it masters and its own locks on
 * resources mastered elsewhere), and waiters with detected deadlocks.
 */
public interface LockspaceView {
    List<LockspaceInfo> lockspaces() throws ControlException;

    /** @throws org.gfspnfs.control.api.NoSuchEntityException if this node is not in the lockspace */
    List<ResourceInfo> resources(String lockspace) throws ControlException;

    /** Waiters and deadlocks of one lockspace, or of all when {@code lockspace} is empty. */
    WaitersReport waiters(Optional<String> lockspace) throws ControlException;
}
