package org.gfspnfs.nfs41.status;

/** NFS4ERR_LOCK_NOTSUPP (10043), RFC 8881 section 15.1. */
public class LockNotSuppException extends NfsException {
    private static final long serialVersionUID = 1L;

    public LockNotSuppException() {
        super(NfsStat.NFS4ERR_LOCK_NOTSUPP, Kind.CLIENT, "NFS4ERR_LOCK_NOTSUPP");
    }

    public LockNotSuppException(String message) {
        super(NfsStat.NFS4ERR_LOCK_NOTSUPP, Kind.CLIENT, message);
    }

    public LockNotSuppException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_LOCK_NOTSUPP, Kind.CLIENT, message, cause);
    }
}
