package org.gfspnfs.nfs41.status;

/** NFS4ERR_BADTYPE (10007), RFC 8881 section 15.1. */
public class BadTypeException extends NfsException {
    private static final long serialVersionUID = 1L;

    public BadTypeException() {
        super(NfsStat.NFS4ERR_BADTYPE, Kind.CLIENT, "NFS4ERR_BADTYPE");
    }

    public BadTypeException(String message) {
        super(NfsStat.NFS4ERR_BADTYPE, Kind.CLIENT, message);
    }

    public BadTypeException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_BADTYPE, Kind.CLIENT, message, cause);
    }
}
