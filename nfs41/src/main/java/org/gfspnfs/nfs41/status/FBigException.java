package org.gfspnfs.nfs41.status;

/** NFS4ERR_FBIG (27), RFC 8881 section 15.1. */
public class FBigException extends NfsException {
    private static final long serialVersionUID = 1L;

    public FBigException() {
        super(NfsStat.NFS4ERR_FBIG, Kind.CLIENT, "NFS4ERR_FBIG");
    }

    public FBigException(String message) {
        super(NfsStat.NFS4ERR_FBIG, Kind.CLIENT, message);
    }

    public FBigException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_FBIG, Kind.CLIENT, message, cause);
    }
}
