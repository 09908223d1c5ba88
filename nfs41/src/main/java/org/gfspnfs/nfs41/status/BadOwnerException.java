package org.gfspnfs.nfs41.status;

/** NFS4ERR_BADOWNER (10039), RFC 8881 section 15.1. */
public class BadOwnerException extends NfsException {
    private static final long serialVersionUID = 1L;

    public BadOwnerException() {
        super(NfsStat.NFS4ERR_BADOWNER, Kind.CLIENT, "NFS4ERR_BADOWNER");
    }

    public BadOwnerException(String message) {
        super(NfsStat.NFS4ERR_BADOWNER, Kind.CLIENT, message);
    }

    public BadOwnerException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_BADOWNER, Kind.CLIENT, message, cause);
    }
}
