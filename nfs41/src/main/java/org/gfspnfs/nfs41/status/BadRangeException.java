package org.gfspnfs.nfs41.status;

/** NFS4ERR_BAD_RANGE (10042), RFC 8881 section 15.1. */
public class BadRangeException extends NfsException {
    private static final long serialVersionUID = 1L;

    public BadRangeException() {
        super(NfsStat.NFS4ERR_BAD_RANGE, Kind.CLIENT, "NFS4ERR_BAD_RANGE");
    }

    public BadRangeException(String message) {
        super(NfsStat.NFS4ERR_BAD_RANGE, Kind.CLIENT, message);
    }

    public BadRangeException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_BAD_RANGE, Kind.CLIENT, message, cause);
    }
}
