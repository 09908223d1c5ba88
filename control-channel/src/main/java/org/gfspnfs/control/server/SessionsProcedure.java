package org.gfspnfs.control.server;

import java.util.List;

import org.gfspnfs.control.api.SessionInfo;
import org.gfspnfs.control.api.ControlException;
import org.gfspnfs.control.spi.ControlProviders;
import org.gfspnfs.control.xdr.ControlProgram;

/** SESSIONS: NFSv4.1 sessions (RFC 8881 section 2.10) held by this node. */
final class SessionsProcedure extends Procedure<Void, List<SessionInfo>> {
    SessionsProcedure() {
        super(ControlProgram.SESSIONS);
    }

    @Override
    List<SessionInfo> execute(Void args, ControlProviders providers) throws ControlException {
        return providers.nfsState().sessions();
    }
}
