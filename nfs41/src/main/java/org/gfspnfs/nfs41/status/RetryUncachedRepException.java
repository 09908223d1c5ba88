package org.gfspnfs.nfs41.status;

/** NFS4ERR_RETRY_UNCACHED_REP (10068), RFC 8881 section 15.1. */
public class RetryUncachedRepException extends NfsException {
    private static final long serialVersionUID = 1L;

    public RetryUncachedRepException() {
        super(NfsStat.NFS4ERR_RETRY_UNCACHED_REP, Kind.CLIENT, "NFS4ERR_RETRY_UNCACHED_REP");
    }

    public RetryUncachedRepException(String message) {
        super(NfsStat.NFS4ERR_RETRY_UNCACHED_REP, Kind.CLIENT, message);
    }

    public RetryUncachedRepException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_RETRY_UNCACHED_REP, Kind.CLIENT, message, cause);
    }
}
