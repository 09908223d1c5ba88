package org.gfspnfs.nfs41.status;

/** NFS4ERR_LOCK_RANGE (10028), RFC 8881 section 15.1. */
public class LockRangeException extends NfsException {
    private static final long serialVersionUID = 1L;

    public LockRangeException() {
        super(NfsStat.NFS4ERR_LOCK_RANGE, Kind.CLIENT, "NFS4ERR_LOCK_RANGE");
    }

    public LockRangeException(String message) {
        super(NfsStat.NFS4ERR_LOCK_RANGE, Kind.CLIENT, message);
    }

    public LockRangeException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_LOCK_RANGE, Kind.CLIENT, message, cause);
    }
}
