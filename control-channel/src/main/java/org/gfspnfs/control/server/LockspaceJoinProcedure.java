package org.gfspnfs.control.server;

import org.gfspnfs.control.api.CommandOutcome;
import org.gfspnfs.control.api.ControlException;
import org.gfspnfs.control.spi.ControlProviders;
import org.gfspnfs.control.xdr.ControlProgram;

/** LOCKSPACE_JOIN: this node joins a lockspace (dlm_new_lockspace). */
final class LockspaceJoinProcedure extends Procedure<String, CommandOutcome> {
    LockspaceJoinProcedure() {
        super(ControlProgram.LOCKSPACE_JOIN);
    }

    @Override
    CommandOutcome execute(String args, ControlProviders providers) throws ControlException {
        return providers.lockspaceControl().join(requireName(args, "lockspace"));
    }
}
