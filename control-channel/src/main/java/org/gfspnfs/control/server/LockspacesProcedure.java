package org.gfspnfs.control.server;

import java.util.List;

import org.gfspnfs.control.api.LockspaceInfo;
import org.gfspnfs.control.api.ControlException;
import org.gfspnfs.control.spi.ControlProviders;
import org.gfspnfs.control.xdr.ControlProgram;

/** LOCKSPACES: the lockspaces this node is in, like {@code dlm_tool ls}. */
final class LockspacesProcedure extends Procedure<Void, List<LockspaceInfo>> {
    LockspacesProcedure() {
        super(ControlProgram.LOCKSPACES);
    }

    @Override
    List<LockspaceInfo> execute(Void args, ControlProviders providers) throws ControlException {
        return providers.lockspaces().lockspaces();
    }
}
