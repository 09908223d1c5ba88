package org.gfspnfs.nfs41.status;

/** NFS4ERR_OPENMODE (10038), RFC 8881 section 15.1. */
public class OpenModeException extends NfsException {
    private static final long serialVersionUID = 1L;

    public OpenModeException() {
        super(NfsStat.NFS4ERR_OPENMODE, Kind.CLIENT, "NFS4ERR_OPENMODE");
    }

    public OpenModeException(String message) {
        super(NfsStat.NFS4ERR_OPENMODE, Kind.CLIENT, message);
    }

    public OpenModeException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_OPENMODE, Kind.CLIENT, message, cause);
    }
}
