package org.gfspnfs.nfs41.status;

/** NFS4ERR_NOTEMPTY (66), RFC 8881 section 15.1. */
public class NotEmptyException extends NfsException {
    private static final long serialVersionUID = 1L;

    public NotEmptyException() {
        super(NfsStat.NFS4ERR_NOTEMPTY, Kind.CLIENT, "NFS4ERR_NOTEMPTY");
    }

    public NotEmptyException(String message) {
        super(NfsStat.NFS4ERR_NOTEMPTY, Kind.CLIENT, message);
    }

    public NotEmptyException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_NOTEMPTY, Kind.CLIENT, message, cause);
    }
}
