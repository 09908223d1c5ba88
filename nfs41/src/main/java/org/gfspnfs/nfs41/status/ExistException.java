package org.gfspnfs.nfs41.status;

/** NFS4ERR_EXIST (17), RFC 8881 section 15.1. */
public class ExistException extends NfsException {
    private static final long serialVersionUID = 1L;

    public ExistException() {
        super(NfsStat.NFS4ERR_EXIST, Kind.CLIENT, "NFS4ERR_EXIST");
    }

    public ExistException(String message) {
        super(NfsStat.NFS4ERR_EXIST, Kind.CLIENT, message);
    }

    public ExistException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_EXIST, Kind.CLIENT, message, cause);
    }
}
