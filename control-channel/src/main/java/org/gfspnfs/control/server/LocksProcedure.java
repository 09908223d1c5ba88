package org.gfspnfs.control.server;

import java.util.List;

import org.gfspnfs.control.api.ResourceInfo;
import org.gfspnfs.control.api.ControlException;
import org.gfspnfs.control.spi.ControlProviders;
import org.gfspnfs.control.xdr.ControlProgram;

/** LOCKS: resources and queues of one lockspace on this node, like {@code dlm_tool lockdebug -v NAME}. */
final class LocksProcedure extends Procedure<String, List<ResourceInfo>> {
    LocksProcedure() {
        super(ControlProgram.LOCKS);
    }

    @Override
    List<ResourceInfo> execute(String args, ControlProviders providers) throws ControlException {
        return providers.lockspaces().resources(requireName(args, "lockspace"));
    }
}
