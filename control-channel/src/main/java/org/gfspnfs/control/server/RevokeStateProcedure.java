package org.gfspnfs.control.server;

import org.gfspnfs.control.api.Revocation;
import org.gfspnfs.control.api.ControlException;
import org.gfspnfs.control.spi.ControlProviders;
import org.gfspnfs.control.xdr.ControlProgram;

/** REVOKE_STATE: the MDS tells a DS that state is gone; the DS drops cached answers (RFC 8881 section 13.6). */
final class RevokeStateProcedure extends Procedure<Revocation, Integer> {
    RevokeStateProcedure() {
        super(ControlProgram.REVOKE_STATE);
    }

    @Override
    Integer execute(Revocation args, ControlProviders providers) throws ControlException {
        return providers.revocations().revoked(args);
    }
}
