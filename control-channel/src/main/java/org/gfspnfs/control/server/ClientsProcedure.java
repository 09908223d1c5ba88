package org.gfspnfs.control.server;

import java.util.List;

import org.gfspnfs.control.api.ClientInfo;
import org.gfspnfs.control.api.ControlException;
import org.gfspnfs.control.spi.ControlProviders;
import org.gfspnfs.control.xdr.ControlProgram;

/** CLIENTS: NFSv4.1 client records (RFC 8881 section 2.4) held by this node. */
final class ClientsProcedure extends Procedure<Void, List<ClientInfo>> {
    ClientsProcedure() {
        super(ControlProgram.CLIENTS);
    }

    @Override
    List<ClientInfo> execute(Void args, ControlProviders providers) throws ControlException {
        return providers.nfsState().clients();
    }
}
