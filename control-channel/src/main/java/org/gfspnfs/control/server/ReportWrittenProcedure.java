package org.gfspnfs.control.server;

import java.util.List;

import org.gfspnfs.control.api.ControlException;
import org.gfspnfs.control.api.WrittenReport;
import org.gfspnfs.control.spi.ControlProviders;
import org.gfspnfs.control.xdr.ControlProgram;

/**
 * REPORT_WRITTEN: a data server hands over, in one batch at COMMIT (or a stable WRITE), the ranges it wrote into
 * unwritten blocks, so the LAYOUTCOMMIT that follows converts them (RFC 8881 sections 13.7, 18.42).
 */
final class ReportWrittenProcedure extends Procedure<List<WrittenReport>, Integer> {
    ReportWrittenProcedure() {
        super(ControlProgram.REPORT_WRITTEN);
    }

    @Override
    Integer execute(List<WrittenReport> args, ControlProviders providers) throws ControlException {
        return providers.writePath().written(args);
    }
}
