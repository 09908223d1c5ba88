package org.gfspnfs.nfs41.status;

/** NFS4ERR_DELAY (10008), RFC 8881 section 15.1. */
public class DelayException extends NfsException {
    private static final long serialVersionUID = 1L;

    public DelayException() {
        super(NfsStat.NFS4ERR_DELAY, Kind.LOST_STATE, "NFS4ERR_DELAY");
    }

    public DelayException(String message) {
        super(NfsStat.NFS4ERR_DELAY, Kind.LOST_STATE, message);
    }

    public DelayException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_DELAY, Kind.LOST_STATE, message, cause);
    }
}
