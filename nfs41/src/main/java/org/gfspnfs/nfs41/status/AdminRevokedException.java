package org.gfspnfs.nfs41.status;

/** NFS4ERR_ADMIN_REVOKED (10047), RFC 8881 section 15.1. */
public class AdminRevokedException extends NfsException {
    private static final long serialVersionUID = 1L;

    public AdminRevokedException() {
        super(NfsStat.NFS4ERR_ADMIN_REVOKED, Kind.LOST_STATE, "NFS4ERR_ADMIN_REVOKED");
    }

    public AdminRevokedException(String message) {
        super(NfsStat.NFS4ERR_ADMIN_REVOKED, Kind.LOST_STATE, message);
    }

    public AdminRevokedException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_ADMIN_REVOKED, Kind.LOST_STATE, message, cause);
    }
}
