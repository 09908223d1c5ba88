package org.gfspnfs.nfs41.status;

/** NFS4ERR_REP_TOO_BIG (10066), RFC 8881 section 15.1. */
public class RepTooBigException extends NfsException {
    private static final long serialVersionUID = 1L;

    public RepTooBigException() {
        super(NfsStat.NFS4ERR_REP_TOO_BIG, Kind.CLIENT, "NFS4ERR_REP_TOO_BIG");
    }

    public RepTooBigException(String message) {
        super(NfsStat.NFS4ERR_REP_TOO_BIG, Kind.CLIENT, message);
    }

    public RepTooBigException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_REP_TOO_BIG, Kind.CLIENT, message, cause);
    }
}
