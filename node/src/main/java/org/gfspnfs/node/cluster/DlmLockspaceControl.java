package org.gfspnfs.node.cluster;

import org.gfspnfs.control.api.CommandOutcome;
import org.gfspnfs.control.api.CommandRefusedException;
import org.gfspnfs.control.api.InvalidRequestException;
import org.gfspnfs.control.api.NoSuchEntityException;
import org.gfspnfs.control.spi.LockspaceControl;
import org.gfspnfs.dlm.api.LockStateException;
import org.gfspnfs.dlm.core.DlmNode;

/**
 * {@code gfsctl lockspace-join / lockspace-leave} on a cluster member (dlm_new_lockspace / dlm_release_lockspace
 * without force). The filesystem's own lockspace cannot be left while it is mounted; any other lockspace can be
 * left only when this node has nothing in it (no locks, no mastered resources, no directory entries).
 */
public final class DlmLockspaceControl implements LockspaceControl {
    private static final int MAX_NAME = 64;

    private final DlmNode dlm;
    private final String filesystemLockspace;

    public DlmLockspaceControl(DlmNode dlm, String filesystemLockspace) {
        this.dlm = dlm;
        this.filesystemLockspace = filesystemLockspace;
    }

    @Override
    public CommandOutcome leave(String lockspace) throws CommandRefusedException, NoSuchEntityException {
        if (lockspace.equals(filesystemLockspace)) {
            throw new CommandRefusedException("lockspace " + lockspace + " is the mounted filesystem's: stop the "
                    + "node (gfspnfs stop / SIGTERM) to unmount and leave it");
        }
        try {
            if (!dlm.release(lockspace)) {
                throw new NoSuchEntityException("node " + dlm.selfId() + " is not in lockspace '" + lockspace + "'");
            }
        } catch (LockStateException e) {
            throw new CommandRefusedException(e.getMessage());
        }
        return new CommandOutcome("left lockspace " + lockspace, 1);
    }

    @Override
    public CommandOutcome join(String lockspace) throws InvalidRequestException {
        if (lockspace.isEmpty() || lockspace.length() > MAX_NAME || !lockspace.chars().allMatch(c -> c > 0x20
                && c < 0x7f)) {
            throw new InvalidRequestException("a lockspace name is 1-" + MAX_NAME + " printable ASCII characters "
                    + "without spaces: '" + lockspace + "'");
        }
        boolean already = dlm.snapshot().lockspaces().stream().anyMatch(ls -> ls.name().equals(lockspace));
        dlm.lockspace(lockspace);
        return new CommandOutcome(already ? "already in lockspace " + lockspace : "joined lockspace " + lockspace,
                already ? 0 : 1);
    }
}
