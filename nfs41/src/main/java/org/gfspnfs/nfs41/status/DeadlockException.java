package org.gfspnfs.nfs41.status;

/** NFS4ERR_DEADLOCK (10045), RFC 8881 section 15.1. */
public class DeadlockException extends NfsException {
    private static final long serialVersionUID = 1L;

    public DeadlockException() {
        super(NfsStat.NFS4ERR_DEADLOCK, Kind.CLIENT, "NFS4ERR_DEADLOCK");
    }

    public DeadlockException(String message) {
        super(NfsStat.NFS4ERR_DEADLOCK, Kind.CLIENT, message);
    }

    public DeadlockException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_DEADLOCK, Kind.CLIENT, message, cause);
    }
}
