package org.gfspnfs.nfs41.status;

import org.dcache.oncrpc4j.xdr.XdrAble;

/**
 * Wraps another status with the result body the operation returns even on failure (SETATTR's attrsset,
 * RFC 8881 section 18.30.2). The status and kind are those of the cause.
 */
public class StatusWithBodyException extends NfsException {
    private static final long serialVersionUID = 1L;

    public StatusWithBodyException(NfsException cause, XdrAble body) {
        super(cause.status(), cause.kind(), cause.getMessage(), cause, body);
    }
}
