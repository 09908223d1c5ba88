package org.gfspnfs.nfs41.status;

/** NFS4ERR_DEADSESSION (10078), RFC 8881 section 15.1. */
public class DeadSessionException extends NfsException {
    private static final long serialVersionUID = 1L;

    public DeadSessionException() {
        super(NfsStat.NFS4ERR_DEADSESSION, Kind.LOST_STATE, "NFS4ERR_DEADSESSION");
    }

    public DeadSessionException(String message) {
        super(NfsStat.NFS4ERR_DEADSESSION, Kind.LOST_STATE, message);
    }

    public DeadSessionException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_DEADSESSION, Kind.LOST_STATE, message, cause);
    }
}
