package org.gfspnfs.control.spi;

import org.gfspnfs.control.api.ControlException;
import org.gfspnfs.control.api.StateidQuery;
import org.gfspnfs.control.api.StateidVerdict;

/**
 * The MDS side of DS -> MDS state validation (RFC 8881 section 13.9.1 / 13.6: the storage devices must reject I/O
 * under stateids the MDS no longer honours). Answers from the MDS's state tables without blocking on clients.
 */
public interface StateidAuthority {
    StateidVerdict validate(StateidQuery query) throws ControlException;
}
