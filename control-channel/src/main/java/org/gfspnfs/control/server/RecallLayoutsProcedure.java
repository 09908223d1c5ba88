package org.gfspnfs.control.server;

import org.gfspnfs.control.api.CommandOutcome;
import org.gfspnfs.control.api.RecallTarget;
import org.gfspnfs.control.api.ControlException;
import org.gfspnfs.control.spi.ControlProviders;
import org.gfspnfs.control.xdr.ControlProgram;

/** RECALL_LAYOUTS: CB_LAYOUTRECALL (RFC 8881 section 20.3) of one file or one client. */
final class RecallLayoutsProcedure extends Procedure<RecallTarget, CommandOutcome> {
    RecallLayoutsProcedure() {
        super(ControlProgram.RECALL_LAYOUTS);
    }

    @Override
    CommandOutcome execute(RecallTarget args, ControlProviders providers) throws ControlException {
        if (args.kind() == RecallTarget.Kind.FILE) {
            requireName(args.file(), "file");
        }
        return providers.nfsControl().recallLayouts(args);
    }
}
