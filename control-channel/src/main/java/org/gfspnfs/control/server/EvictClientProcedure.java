package org.gfspnfs.control.server;

import org.gfspnfs.control.api.CommandOutcome;
import org.gfspnfs.control.api.ControlException;
import org.gfspnfs.control.spi.ControlProviders;
import org.gfspnfs.control.xdr.ControlProgram;

/** EVICT_CLIENT: purge a client record and all its state, as on lease expiry (RFC 8881 section 8.3). */
final class EvictClientProcedure extends Procedure<Long, CommandOutcome> {
    EvictClientProcedure() {
        super(ControlProgram.EVICT_CLIENT);
    }

    @Override
    CommandOutcome execute(Long args, ControlProviders providers) throws ControlException {
        return providers.nfsControl().evictClient(args);
    }
}
