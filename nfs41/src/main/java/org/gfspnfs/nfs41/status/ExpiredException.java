package org.gfspnfs.nfs41.status;

/** NFS4ERR_EXPIRED (10011), RFC 8881 section 15.1. */
public class ExpiredException extends NfsException {
    private static final long serialVersionUID = 1L;

    public ExpiredException() {
        super(NfsStat.NFS4ERR_EXPIRED, Kind.LOST_STATE, "NFS4ERR_EXPIRED");
    }

    public ExpiredException(String message) {
        super(NfsStat.NFS4ERR_EXPIRED, Kind.LOST_STATE, message);
    }

    public ExpiredException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_EXPIRED, Kind.LOST_STATE, message, cause);
    }
}
