package org.gfspnfs.nfs41.status;

/** NFS4ERR_STALE_STATEID (10023), RFC 8881 section 15.1. */
public class StaleStateidException extends NfsException {
    private static final long serialVersionUID = 1L;

    public StaleStateidException() {
        super(NfsStat.NFS4ERR_STALE_STATEID, Kind.LOST_STATE, "NFS4ERR_STALE_STATEID");
    }

    public StaleStateidException(String message) {
        super(NfsStat.NFS4ERR_STALE_STATEID, Kind.LOST_STATE, message);
    }

    public StaleStateidException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_STALE_STATEID, Kind.LOST_STATE, message, cause);
    }
}
