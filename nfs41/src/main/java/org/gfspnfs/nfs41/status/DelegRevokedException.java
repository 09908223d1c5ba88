package org.gfspnfs.nfs41.status;

/** NFS4ERR_DELEG_REVOKED (10087), RFC 8881 section 15.1. */
public class DelegRevokedException extends NfsException {
    private static final long serialVersionUID = 1L;

    public DelegRevokedException() {
        super(NfsStat.NFS4ERR_DELEG_REVOKED, Kind.LOST_STATE, "NFS4ERR_DELEG_REVOKED");
    }

    public DelegRevokedException(String message) {
        super(NfsStat.NFS4ERR_DELEG_REVOKED, Kind.LOST_STATE, message);
    }

    public DelegRevokedException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_DELEG_REVOKED, Kind.LOST_STATE, message, cause);
    }
}
