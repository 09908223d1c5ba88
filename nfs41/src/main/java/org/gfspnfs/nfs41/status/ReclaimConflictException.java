package org.gfspnfs.nfs41.status;

/** NFS4ERR_RECLAIM_CONFLICT (10035), RFC 8881 section 15.1. */
public class ReclaimConflictException extends NfsException {
    private static final long serialVersionUID = 1L;

    public ReclaimConflictException() {
        super(NfsStat.NFS4ERR_RECLAIM_CONFLICT, Kind.CLIENT, "NFS4ERR_RECLAIM_CONFLICT");
    }

    public ReclaimConflictException(String message) {
        super(NfsStat.NFS4ERR_RECLAIM_CONFLICT, Kind.CLIENT, message);
    }

    public ReclaimConflictException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_RECLAIM_CONFLICT, Kind.CLIENT, message, cause);
    }
}
