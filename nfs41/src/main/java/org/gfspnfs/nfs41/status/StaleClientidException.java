package org.gfspnfs.nfs41.status;

/** NFS4ERR_STALE_CLIENTID (10022), RFC 8881 section 15.1. */
public class StaleClientidException extends NfsException {
    private static final long serialVersionUID = 1L;

    public StaleClientidException() {
        super(NfsStat.NFS4ERR_STALE_CLIENTID, Kind.LOST_STATE, "NFS4ERR_STALE_CLIENTID");
    }

    public StaleClientidException(String message) {
        super(NfsStat.NFS4ERR_STALE_CLIENTID, Kind.LOST_STATE, message);
    }

    public StaleClientidException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_STALE_CLIENTID, Kind.LOST_STATE, message, cause);
    }
}
