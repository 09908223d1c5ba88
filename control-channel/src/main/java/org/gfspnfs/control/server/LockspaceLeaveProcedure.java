package org.gfspnfs.control.server;

import org.gfspnfs.control.api.CommandOutcome;
import org.gfspnfs.control.api.ControlException;
import org.gfspnfs.control.spi.ControlProviders;
import org.gfspnfs.control.xdr.ControlProgram;

/** LOCKSPACE_LEAVE: this node releases a lockspace (dlm_release_lockspace). */
final class LockspaceLeaveProcedure extends Procedure<String, CommandOutcome> {
    LockspaceLeaveProcedure() {
        super(ControlProgram.LOCKSPACE_LEAVE);
    }

    @Override
    CommandOutcome execute(String args, ControlProviders providers) throws ControlException {
        return providers.lockspaceControl().leave(requireName(args, "lockspace"));
    }
}
