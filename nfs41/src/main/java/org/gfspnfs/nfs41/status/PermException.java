package org.gfspnfs.nfs41.status;

/** NFS4ERR_PERM (1), RFC 8881 section 15.1. */
public class PermException extends NfsException {
    private static final long serialVersionUID = 1L;

    public PermException() {
        super(NfsStat.NFS4ERR_PERM, Kind.CLIENT, "NFS4ERR_PERM");
    }

    public PermException(String message) {
        super(NfsStat.NFS4ERR_PERM, Kind.CLIENT, message);
    }

    public PermException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_PERM, Kind.CLIENT, message, cause);
    }
}
