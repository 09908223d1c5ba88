package org.gfspnfs.nfs41.status;

/** NFS4ERR_IO (5), RFC 8881 section 15.1. */
public class IoException extends NfsException {
    private static final long serialVersionUID = 1L;

    public IoException() {
        super(NfsStat.NFS4ERR_IO, Kind.SERVER, "NFS4ERR_IO");
    }

    public IoException(String message) {
        super(NfsStat.NFS4ERR_IO, Kind.SERVER, message);
    }

    public IoException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_IO, Kind.SERVER, message, cause);
    }
}
