package org.gfspnfs.nfs41.status;

/** NFS4ERR_LOCKS_HELD (10037), RFC 8881 section 15.1. */
public class LocksHeldException extends NfsException {
    private static final long serialVersionUID = 1L;

    public LocksHeldException() {
        super(NfsStat.NFS4ERR_LOCKS_HELD, Kind.CLIENT, "NFS4ERR_LOCKS_HELD");
    }

    public LocksHeldException(String message) {
        super(NfsStat.NFS4ERR_LOCKS_HELD, Kind.CLIENT, message);
    }

    public LocksHeldException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_LOCKS_HELD, Kind.CLIENT, message, cause);
    }
}
