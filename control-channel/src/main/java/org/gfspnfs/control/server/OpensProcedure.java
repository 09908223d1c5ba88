package org.gfspnfs.control.server;

import java.util.List;

import org.gfspnfs.control.api.OpenInfo;
import org.gfspnfs.control.api.ControlException;
import org.gfspnfs.control.spi.ControlProviders;
import org.gfspnfs.control.xdr.ControlProgram;

/** OPENS: open stateids (RFC 8881 section 9.1.4) held by this node. */
final class OpensProcedure extends Procedure<Void, List<OpenInfo>> {
    OpensProcedure() {
        super(ControlProgram.OPENS);
    }

    @Override
    List<OpenInfo> execute(Void args, ControlProviders providers) throws ControlException {
        return providers.nfsState().opens();
    }
}
