package org.gfspnfs.control.server;

import java.util.Optional;

import org.gfspnfs.control.api.WaitersReport;
import org.gfspnfs.control.api.ControlException;
import org.gfspnfs.control.spi.ControlProviders;
import org.gfspnfs.control.xdr.ControlProgram;

/** WAITERS: ungranted requests and detected deadlocks of one lockspace, or of all when the name is empty. */
final class WaitersProcedure extends Procedure<String, WaitersReport> {
    WaitersProcedure() {
        super(ControlProgram.WAITERS);
    }

    @Override
    WaitersReport execute(String args, ControlProviders providers) throws ControlException {
        return providers.lockspaces().waiters(args.isBlank() ? Optional.empty() : Optional.of(args));
    }
}
