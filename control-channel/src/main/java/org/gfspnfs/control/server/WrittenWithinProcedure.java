package org.gfspnfs.control.server;

import java.util.List;

import org.gfspnfs.control.api.ControlException;
import org.gfspnfs.control.api.FileRange;
import org.gfspnfs.control.api.InvalidRequestException;
import org.gfspnfs.control.api.WrittenQuery;
import org.gfspnfs.control.spi.ControlProviders;
import org.gfspnfs.control.xdr.ControlProgram;
import org.gfspnfs.control.xdr.WritePathXdr;

/**
 * WRITTEN_WITHIN: which parts of a range data servers reported written; a data server asks before it reads
 * unwritten blocks (written but not yet committed data is readable, the rest reads as zeros) or completes a partial
 * block.
 */
final class WrittenWithinProcedure extends Procedure<WrittenQuery, List<FileRange>> {
    WrittenWithinProcedure() {
        super(ControlProgram.WRITTEN_WITHIN);
    }

    @Override
    List<FileRange> execute(WrittenQuery args, ControlProviders providers) throws ControlException {
        if (args.offset() < 0 || args.end() <= args.offset()) {
            throw new InvalidRequestException("range [" + args.offset() + ", " + args.end() + ")");
        }
        List<FileRange> ranges = providers.writePath().writtenWithin(args);
        if (ranges.size() > WritePathXdr.MAX_RANGES) {
            // The reply list is bounded; the caller asks again from where the answer stops.
            return ranges.subList(0, WritePathXdr.MAX_RANGES);
        }
        return ranges;
    }
}
