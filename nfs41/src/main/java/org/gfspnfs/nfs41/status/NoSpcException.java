package org.gfspnfs.nfs41.status;

/** NFS4ERR_NOSPC (28), RFC 8881 section 15.1. */
public class NoSpcException extends NfsException {
    private static final long serialVersionUID = 1L;

    public NoSpcException() {
        super(NfsStat.NFS4ERR_NOSPC, Kind.CLIENT, "NFS4ERR_NOSPC");
    }

    public NoSpcException(String message) {
        super(NfsStat.NFS4ERR_NOSPC, Kind.CLIENT, message);
    }

    public NoSpcException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_NOSPC, Kind.CLIENT, message, cause);
    }
}
