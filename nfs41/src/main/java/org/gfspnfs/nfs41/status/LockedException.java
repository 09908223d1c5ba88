package org.gfspnfs.nfs41.status;

/** NFS4ERR_LOCKED (10012), RFC 8881 section 15.1. */
public class LockedException extends NfsException {
    private static final long serialVersionUID = 1L;

    public LockedException() {
        super(NfsStat.NFS4ERR_LOCKED, Kind.CLIENT, "NFS4ERR_LOCKED");
    }

    public LockedException(String message) {
        super(NfsStat.NFS4ERR_LOCKED, Kind.CLIENT, message);
    }

    public LockedException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_LOCKED, Kind.CLIENT, message, cause);
    }
}
