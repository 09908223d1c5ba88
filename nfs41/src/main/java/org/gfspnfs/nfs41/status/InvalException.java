package org.gfspnfs.nfs41.status;

/** NFS4ERR_INVAL (22), RFC 8881 section 15.1. */
public class InvalException extends NfsException {
    private static final long serialVersionUID = 1L;

    public InvalException() {
        super(NfsStat.NFS4ERR_INVAL, Kind.CLIENT, "NFS4ERR_INVAL");
    }

    public InvalException(String message) {
        super(NfsStat.NFS4ERR_INVAL, Kind.CLIENT, message);
    }

    public InvalException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_INVAL, Kind.CLIENT, message, cause);
    }
}
