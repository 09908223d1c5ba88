package org.gfspnfs.control.server;

import org.gfspnfs.control.api.ControlException;
import org.gfspnfs.control.spi.ControlProviders;
import org.gfspnfs.control.xdr.ControlProgram;

/** Procedure 0 (RFC 5531 convention): does nothing; a caller with the right key learns the node is up. */
final class NullProcedure extends Procedure<Void, Void> {
    NullProcedure() {
        super(ControlProgram.NULL);
    }

    @Override
    Void execute(Void args, ControlProviders providers) throws ControlException {
        return null;
    }
}
