package org.gfspnfs.nfs41.status;

/** NFS4ERR_TOOSMALL (10005), RFC 8881 section 15.1. */
public class TooSmallException extends NfsException {
    private static final long serialVersionUID = 1L;

    public TooSmallException() {
        super(NfsStat.NFS4ERR_TOOSMALL, Kind.CLIENT, "NFS4ERR_TOOSMALL");
    }

    public TooSmallException(String message) {
        super(NfsStat.NFS4ERR_TOOSMALL, Kind.CLIENT, message);
    }

    public TooSmallException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_TOOSMALL, Kind.CLIENT, message, cause);
    }
}
