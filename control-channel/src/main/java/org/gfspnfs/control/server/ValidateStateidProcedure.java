package org.gfspnfs.control.server;

import org.gfspnfs.control.api.StateidQuery;
import org.gfspnfs.control.api.StateidVerdict;
import org.gfspnfs.control.api.ControlException;
import org.gfspnfs.control.spi.ControlProviders;
import org.gfspnfs.control.xdr.ControlProgram;

/** VALIDATE_STATEID: a DS asks the MDS whether a stateid is valid for a file and access (RFC 8881 section 13.9.1). */
final class ValidateStateidProcedure extends Procedure<StateidQuery, StateidVerdict> {
    ValidateStateidProcedure() {
        super(ControlProgram.VALIDATE_STATEID);
    }

    @Override
    StateidVerdict execute(StateidQuery args, ControlProviders providers) throws ControlException {
        return providers.stateidAuthority().validate(args);
    }
}
