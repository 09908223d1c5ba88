package org.gfspnfs.control.server;

import java.util.List;

import org.gfspnfs.control.api.AllocationRequest;
import org.gfspnfs.control.api.ControlException;
import org.gfspnfs.control.api.InvalidRequestException;
import org.gfspnfs.control.api.MappedExtent;
import org.gfspnfs.control.spi.ControlProviders;
import org.gfspnfs.control.xdr.ControlProgram;

/**
 * ALLOCATE_UNWRITTEN: a data server met a hole; the MDS allocates unwritten extents around it under the inode glock
 * EX and answers the range's mapping (pnfs-mds LAYOUT.md, RFC 8881 section 13.7).
 */
final class AllocateUnwrittenProcedure extends Procedure<AllocationRequest, List<MappedExtent>> {
    AllocateUnwrittenProcedure() {
        super(ControlProgram.ALLOCATE_UNWRITTEN);
    }

    @Override
    List<MappedExtent> execute(AllocationRequest args, ControlProviders providers) throws ControlException {
        if (args.offset() < 0 || args.length() <= 0 || args.offset() + args.length() < 0) {
            throw new InvalidRequestException("allocation of " + args.length() + " bytes at " + args.offset());
        }
        return providers.writePath().allocate(args);
    }
}
