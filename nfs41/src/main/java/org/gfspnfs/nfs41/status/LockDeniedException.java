package org.gfspnfs.nfs41.status;

import org.dcache.oncrpc4j.xdr.XdrAble;

/** NFS4ERR_DENIED carrying the conflicting lock (LOCK4denied), RFC 8881 sections 18.10.3 and 18.11.3. */
public class LockDeniedException extends NfsException {
    private static final long serialVersionUID = 1L;

    public LockDeniedException(XdrAble denied) {
        super(NfsStat.NFS4ERR_DENIED, Kind.CLIENT, "lock conflict", null, denied);
    }
}
