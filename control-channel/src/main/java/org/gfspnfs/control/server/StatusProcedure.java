package org.gfspnfs.control.server;

import org.gfspnfs.control.api.NodeStatus;
import org.gfspnfs.control.api.ControlException;
import org.gfspnfs.control.spi.ControlProviders;
import org.gfspnfs.control.xdr.ControlProgram;

/** STATUS: member view, quorum, fencing log and recovery steps of the answering node. */
final class StatusProcedure extends Procedure<Void, NodeStatus> {
    StatusProcedure() {
        super(ControlProgram.STATUS);
    }

    @Override
    NodeStatus execute(Void args, ControlProviders providers) throws ControlException {
        return providers.membership().status();
    }
}
