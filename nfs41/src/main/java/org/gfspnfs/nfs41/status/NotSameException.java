package org.gfspnfs.nfs41.status;

/** NFS4ERR_NOT_SAME (10027), RFC 8881 section 15.1. */
public class NotSameException extends NfsException {
    private static final long serialVersionUID = 1L;

    public NotSameException() {
        super(NfsStat.NFS4ERR_NOT_SAME, Kind.CLIENT, "NFS4ERR_NOT_SAME");
    }

    public NotSameException(String message) {
        super(NfsStat.NFS4ERR_NOT_SAME, Kind.CLIENT, message);
    }

    public NotSameException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_NOT_SAME, Kind.CLIENT, message, cause);
    }
}
