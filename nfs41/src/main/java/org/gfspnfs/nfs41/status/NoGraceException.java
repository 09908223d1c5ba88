package org.gfspnfs.nfs41.status;

/** NFS4ERR_NO_GRACE (10033), RFC 8881 section 15.1. */
public class NoGraceException extends NfsException {
    private static final long serialVersionUID = 1L;

    public NoGraceException() {
        super(NfsStat.NFS4ERR_NO_GRACE, Kind.CLIENT, "NFS4ERR_NO_GRACE");
    }

    public NoGraceException(String message) {
        super(NfsStat.NFS4ERR_NO_GRACE, Kind.CLIENT, message);
    }

    public NoGraceException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_NO_GRACE, Kind.CLIENT, message, cause);
    }
}
