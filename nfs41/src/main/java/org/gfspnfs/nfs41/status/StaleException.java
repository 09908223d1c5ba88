package org.gfspnfs.nfs41.status;

/** NFS4ERR_STALE (70), RFC 8881 section 15.1. */
public class StaleException extends NfsException {
    private static final long serialVersionUID = 1L;

    public StaleException() {
        super(NfsStat.NFS4ERR_STALE, Kind.LOST_STATE, "NFS4ERR_STALE");
    }

    public StaleException(String message) {
        super(NfsStat.NFS4ERR_STALE, Kind.LOST_STATE, message);
    }

    public StaleException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_STALE, Kind.LOST_STATE, message, cause);
    }
}
