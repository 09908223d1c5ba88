package org.gfspnfs.nfs41.status;

/** NFS4ERR_TOO_MANY_OPS (10070), RFC 8881 section 15.1. */
public class TooManyOpsException extends NfsException {
    private static final long serialVersionUID = 1L;

    public TooManyOpsException() {
        super(NfsStat.NFS4ERR_TOO_MANY_OPS, Kind.CLIENT, "NFS4ERR_TOO_MANY_OPS");
    }

    public TooManyOpsException(String message) {
        super(NfsStat.NFS4ERR_TOO_MANY_OPS, Kind.CLIENT, message);
    }

    public TooManyOpsException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_TOO_MANY_OPS, Kind.CLIENT, message, cause);
    }
}
