package org.gfspnfs.nfs41.status;

/** NFS4ERR_ACCESS (13), RFC 8881 section 15.1. */
public class AccessDeniedException extends NfsException {
    private static final long serialVersionUID = 1L;

    public AccessDeniedException() {
        super(NfsStat.NFS4ERR_ACCESS, Kind.CLIENT, "NFS4ERR_ACCESS");
    }

    public AccessDeniedException(String message) {
        super(NfsStat.NFS4ERR_ACCESS, Kind.CLIENT, message);
    }

    public AccessDeniedException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_ACCESS, Kind.CLIENT, message, cause);
    }
}
