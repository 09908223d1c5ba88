package org.gfspnfs.control.spi;

import org.gfspnfs.control.api.ControlException;
import org.gfspnfs.control.api.Revocation;

/**
 * The DS side of MDS -> DS revocation (RFC 8881 section 13.6 / 12.5.5.1: after a recall times out or a client is
 * evicted, the MDS fences the client off the storage devices). Returns how many cached answers were dropped.
 */
public interface RevocationListener {
    int revoked(Revocation revocation) throws ControlException;
}
