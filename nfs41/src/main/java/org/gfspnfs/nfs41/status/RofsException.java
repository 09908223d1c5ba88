package org.gfspnfs.nfs41.status;

/** NFS4ERR_ROFS (30), RFC 8881 section 15.1. */
public class RofsException extends NfsException {
    private static final long serialVersionUID = 1L;

    public RofsException() {
        super(NfsStat.NFS4ERR_ROFS, Kind.CLIENT, "NFS4ERR_ROFS");
    }

    public RofsException(String message) {
        super(NfsStat.NFS4ERR_ROFS, Kind.CLIENT, message);
    }

    public RofsException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_ROFS, Kind.CLIENT, message, cause);
    }
}
