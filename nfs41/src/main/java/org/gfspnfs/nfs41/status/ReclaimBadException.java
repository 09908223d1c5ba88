package org.gfspnfs.nfs41.status;

/** NFS4ERR_RECLAIM_BAD (10034), RFC 8881 section 15.1. */
public class ReclaimBadException extends NfsException {
    private static final long serialVersionUID = 1L;

    public ReclaimBadException() {
        super(NfsStat.NFS4ERR_RECLAIM_BAD, Kind.CLIENT, "NFS4ERR_RECLAIM_BAD");
    }

    public ReclaimBadException(String message) {
        super(NfsStat.NFS4ERR_RECLAIM_BAD, Kind.CLIENT, message);
    }

    public ReclaimBadException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_RECLAIM_BAD, Kind.CLIENT, message, cause);
    }
}
