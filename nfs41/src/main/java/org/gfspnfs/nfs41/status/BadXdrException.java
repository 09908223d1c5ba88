package org.gfspnfs.nfs41.status;

/** NFS4ERR_BADXDR (10036), RFC 8881 section 15.1. */
public class BadXdrException extends NfsException {
    private static final long serialVersionUID = 1L;

    public BadXdrException() {
        super(NfsStat.NFS4ERR_BADXDR, Kind.CLIENT, "NFS4ERR_BADXDR");
    }

    public BadXdrException(String message) {
        super(NfsStat.NFS4ERR_BADXDR, Kind.CLIENT, message);
    }

    public BadXdrException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_BADXDR, Kind.CLIENT, message, cause);
    }
}
