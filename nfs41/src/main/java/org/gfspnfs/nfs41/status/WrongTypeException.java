package org.gfspnfs.nfs41.status;

/** NFS4ERR_WRONG_TYPE (10083), RFC 8881 section 15.1. */
public class WrongTypeException extends NfsException {
    private static final long serialVersionUID = 1L;

    public WrongTypeException() {
        super(NfsStat.NFS4ERR_WRONG_TYPE, Kind.CLIENT, "NFS4ERR_WRONG_TYPE");
    }

    public WrongTypeException(String message) {
        super(NfsStat.NFS4ERR_WRONG_TYPE, Kind.CLIENT, message);
    }

    public WrongTypeException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_WRONG_TYPE, Kind.CLIENT, message, cause);
    }
}
