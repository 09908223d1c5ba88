package org.gfspnfs.nfs41.pnfs;

import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.state.StateId;

/**
 * Decides, on a data server, whether a stateid the client presents with READ/WRITE/COMMIT on an MDS file handle
 * is valid (RFC 8881 section 13.9.1). The data-server module implements it by asking the MDS over the control
 * channel and caching the answer; a stale or revoked stateid is BadStateidException / AdminRevokedException.
 */
public interface StateidValidator {
    void validate(byte[] mdsFileHandle, StateId stateid, boolean write) throws NfsException;
}
