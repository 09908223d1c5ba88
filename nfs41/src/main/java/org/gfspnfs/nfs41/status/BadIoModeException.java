package org.gfspnfs.nfs41.status;

/** NFS4ERR_BADIOMODE (10049), RFC 8881 section 15.1. */
public class BadIoModeException extends NfsException {
    private static final long serialVersionUID = 1L;

    public BadIoModeException() {
        super(NfsStat.NFS4ERR_BADIOMODE, Kind.CLIENT, "NFS4ERR_BADIOMODE");
    }

    public BadIoModeException(String message) {
        super(NfsStat.NFS4ERR_BADIOMODE, Kind.CLIENT, message);
    }

    public BadIoModeException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_BADIOMODE, Kind.CLIENT, message, cause);
    }
}
