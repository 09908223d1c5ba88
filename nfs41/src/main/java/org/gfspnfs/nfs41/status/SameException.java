package org.gfspnfs.nfs41.status;

/** NFS4ERR_SAME (10009), RFC 8881 section 15.1. */
public class SameException extends NfsException {
    private static final long serialVersionUID = 1L;

    public SameException() {
        super(NfsStat.NFS4ERR_SAME, Kind.CLIENT, "NFS4ERR_SAME");
    }

    public SameException(String message) {
        super(NfsStat.NFS4ERR_SAME, Kind.CLIENT, message);
    }

    public SameException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_SAME, Kind.CLIENT, message, cause);
    }
}
