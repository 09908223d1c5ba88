package org.gfspnfs.nfs41.status;

/** NFS4ERR_DENIED (10010), RFC 8881 section 15.1. */
public class DeniedException extends NfsException {
    private static final long serialVersionUID = 1L;

    public DeniedException() {
        super(NfsStat.NFS4ERR_DENIED, Kind.CLIENT, "NFS4ERR_DENIED");
    }

    public DeniedException(String message) {
        super(NfsStat.NFS4ERR_DENIED, Kind.CLIENT, message);
    }

    public DeniedException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_DENIED, Kind.CLIENT, message, cause);
    }
}
