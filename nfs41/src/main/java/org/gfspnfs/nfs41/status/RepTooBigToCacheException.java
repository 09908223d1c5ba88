package org.gfspnfs.nfs41.status;

/** NFS4ERR_REP_TOO_BIG_TO_CACHE (10067), RFC 8881 section 15.1. */
public class RepTooBigToCacheException extends NfsException {
    private static final long serialVersionUID = 1L;

    public RepTooBigToCacheException() {
        super(NfsStat.NFS4ERR_REP_TOO_BIG_TO_CACHE, Kind.CLIENT, "NFS4ERR_REP_TOO_BIG_TO_CACHE");
    }

    public RepTooBigToCacheException(String message) {
        super(NfsStat.NFS4ERR_REP_TOO_BIG_TO_CACHE, Kind.CLIENT, message);
    }

    public RepTooBigToCacheException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_REP_TOO_BIG_TO_CACHE, Kind.CLIENT, message, cause);
    }
}
