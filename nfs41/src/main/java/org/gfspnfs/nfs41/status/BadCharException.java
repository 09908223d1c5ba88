package org.gfspnfs.nfs41.status;

/** NFS4ERR_BADCHAR (10040), RFC 8881 section 15.1. */
public class BadCharException extends NfsException {
    private static final long serialVersionUID = 1L;

    public BadCharException() {
        super(NfsStat.NFS4ERR_BADCHAR, Kind.CLIENT, "NFS4ERR_BADCHAR");
    }

    public BadCharException(String message) {
        super(NfsStat.NFS4ERR_BADCHAR, Kind.CLIENT, message);
    }

    public BadCharException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_BADCHAR, Kind.CLIENT, message, cause);
    }
}
