package org.gfspnfs.nfs41.status;

/** NFS4ERR_RESTOREFH (10030), RFC 8881 section 15.1. */
public class RestoreFhException extends NfsException {
    private static final long serialVersionUID = 1L;

    public RestoreFhException() {
        super(NfsStat.NFS4ERR_RESTOREFH, Kind.CLIENT, "NFS4ERR_RESTOREFH");
    }

    public RestoreFhException(String message) {
        super(NfsStat.NFS4ERR_RESTOREFH, Kind.CLIENT, message);
    }

    public RestoreFhException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_RESTOREFH, Kind.CLIENT, message, cause);
    }
}
