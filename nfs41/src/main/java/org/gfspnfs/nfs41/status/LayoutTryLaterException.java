package org.gfspnfs.nfs41.status;

/** NFS4ERR_LAYOUTTRYLATER (10058), RFC 8881 section 15.1. */
public class LayoutTryLaterException extends NfsException {
    private static final long serialVersionUID = 1L;

    public LayoutTryLaterException() {
        super(NfsStat.NFS4ERR_LAYOUTTRYLATER, Kind.CLIENT, "NFS4ERR_LAYOUTTRYLATER");
    }

    public LayoutTryLaterException(String message) {
        super(NfsStat.NFS4ERR_LAYOUTTRYLATER, Kind.CLIENT, message);
    }

    public LayoutTryLaterException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_LAYOUTTRYLATER, Kind.CLIENT, message, cause);
    }
}
