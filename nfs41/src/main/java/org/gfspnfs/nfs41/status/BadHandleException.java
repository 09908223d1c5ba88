package org.gfspnfs.nfs41.status;

/** NFS4ERR_BADHANDLE (10001), RFC 8881 section 15.1. */
public class BadHandleException extends NfsException {
    private static final long serialVersionUID = 1L;

    public BadHandleException() {
        super(NfsStat.NFS4ERR_BADHANDLE, Kind.CLIENT, "NFS4ERR_BADHANDLE");
    }

    public BadHandleException(String message) {
        super(NfsStat.NFS4ERR_BADHANDLE, Kind.CLIENT, message);
    }

    public BadHandleException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_BADHANDLE, Kind.CLIENT, message, cause);
    }
}
