package org.gfspnfs.nfs41.status;

/** NFS4ERR_SHARE_DENIED (10015), RFC 8881 section 15.1. */
public class ShareDeniedException extends NfsException {
    private static final long serialVersionUID = 1L;

    public ShareDeniedException() {
        super(NfsStat.NFS4ERR_SHARE_DENIED, Kind.CLIENT, "NFS4ERR_SHARE_DENIED");
    }

    public ShareDeniedException(String message) {
        super(NfsStat.NFS4ERR_SHARE_DENIED, Kind.CLIENT, message);
    }

    public ShareDeniedException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_SHARE_DENIED, Kind.CLIENT, message, cause);
    }
}
