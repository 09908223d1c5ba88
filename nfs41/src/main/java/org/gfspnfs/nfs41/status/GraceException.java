package org.gfspnfs.nfs41.status;

/** NFS4ERR_GRACE (10013), RFC 8881 section 15.1. */
public class GraceException extends NfsException {
    private static final long serialVersionUID = 1L;

    public GraceException() {
        super(NfsStat.NFS4ERR_GRACE, Kind.LOST_STATE, "NFS4ERR_GRACE");
    }

    public GraceException(String message) {
        super(NfsStat.NFS4ERR_GRACE, Kind.LOST_STATE, message);
    }

    public GraceException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_GRACE, Kind.LOST_STATE, message, cause);
    }
}
