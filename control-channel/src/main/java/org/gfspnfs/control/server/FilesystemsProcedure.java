package org.gfspnfs.control.server;

import java.util.List;

import org.gfspnfs.control.api.FilesystemState;
import org.gfspnfs.control.api.ControlException;
import org.gfspnfs.control.spi.ControlProviders;
import org.gfspnfs.control.xdr.ControlProgram;

/** FILESYSTEMS: journals and resource-group usage of the filesystems this node has open. */
final class FilesystemsProcedure extends Procedure<Void, List<FilesystemState>> {
    FilesystemsProcedure() {
        super(ControlProgram.FILESYSTEMS);
    }

    @Override
    List<FilesystemState> execute(Void args, ControlProviders providers) throws ControlException {
        return providers.filesystems().filesystems();
    }
}
