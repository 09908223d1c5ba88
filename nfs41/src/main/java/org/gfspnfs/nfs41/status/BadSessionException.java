package org.gfspnfs.nfs41.status;

/** NFS4ERR_BADSESSION (10052), RFC 8881 section 15.1. */
public class BadSessionException extends NfsException {
    private static final long serialVersionUID = 1L;

    public BadSessionException() {
        super(NfsStat.NFS4ERR_BADSESSION, Kind.LOST_STATE, "NFS4ERR_BADSESSION");
    }

    public BadSessionException(String message) {
        super(NfsStat.NFS4ERR_BADSESSION, Kind.LOST_STATE, message);
    }

    public BadSessionException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_BADSESSION, Kind.LOST_STATE, message, cause);
    }
}
