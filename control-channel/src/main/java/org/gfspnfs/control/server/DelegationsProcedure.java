package org.gfspnfs.control.server;

import java.util.List;

import org.gfspnfs.control.api.ControlException;
import org.gfspnfs.control.api.DelegationInfo;
import org.gfspnfs.control.spi.ControlProviders;
import org.gfspnfs.control.xdr.ControlProgram;

/** DELEGATIONS: delegations (RFC 8881 section 10.4) granted by this node's MDS. */
final class DelegationsProcedure extends Procedure<Void, List<DelegationInfo>> {
    DelegationsProcedure() {
        super(ControlProgram.DELEGATIONS);
    }

    @Override
    List<DelegationInfo> execute(Void args, ControlProviders providers) throws ControlException {
        return providers.nfsState().delegations();
    }
}
