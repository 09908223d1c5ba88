package org.gfspnfs.nfs41.status;

/** NFS4ERR_LAYOUTUNAVAILABLE (10059), RFC 8881 section 15.1. */
public class LayoutUnavailableException extends NfsException {
    private static final long serialVersionUID = 1L;

    public LayoutUnavailableException() {
        super(NfsStat.NFS4ERR_LAYOUTUNAVAILABLE, Kind.CLIENT, "NFS4ERR_LAYOUTUNAVAILABLE");
    }

    public LayoutUnavailableException(String message) {
        super(NfsStat.NFS4ERR_LAYOUTUNAVAILABLE, Kind.CLIENT, message);
    }

    public LayoutUnavailableException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_LAYOUTUNAVAILABLE, Kind.CLIENT, message, cause);
    }
}
