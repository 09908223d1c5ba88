package org.gfspnfs.control.server;

import org.gfspnfs.control.api.CommandOutcome;
import org.gfspnfs.control.api.ControlException;
import org.gfspnfs.control.spi.ControlProviders;
import org.gfspnfs.control.xdr.ControlProgram;

/** FENCE_ACK: the operator vouches that a node is off; recovery may continue without a fence agent. */
final class FenceAckProcedure extends Procedure<String, CommandOutcome> {
    FenceAckProcedure() {
        super(ControlProgram.FENCE_ACK);
    }

    @Override
    CommandOutcome execute(String args, ControlProviders providers) throws ControlException {
        return providers.fencing().acknowledgeFence(requireName(args, "node"));
    }
}
