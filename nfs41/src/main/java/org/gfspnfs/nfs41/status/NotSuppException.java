package org.gfspnfs.nfs41.status;

/** NFS4ERR_NOTSUPP (10004), RFC 8881 section 15.1. */
public class NotSuppException extends NfsException {
    private static final long serialVersionUID = 1L;

    public NotSuppException() {
        super(NfsStat.NFS4ERR_NOTSUPP, Kind.CLIENT, "NFS4ERR_NOTSUPP");
    }

    public NotSuppException(String message) {
        super(NfsStat.NFS4ERR_NOTSUPP, Kind.CLIENT, message);
    }

    public NotSuppException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_NOTSUPP, Kind.CLIENT, message, cause);
    }
}
