package org.gfspnfs.nfs41.status;

/** NFS4ERR_BADNAME (10041), RFC 8881 section 15.1. */
public class BadNameException extends NfsException {
    private static final long serialVersionUID = 1L;

    public BadNameException() {
        super(NfsStat.NFS4ERR_BADNAME, Kind.CLIENT, "NFS4ERR_BADNAME");
    }

    public BadNameException(String message) {
        super(NfsStat.NFS4ERR_BADNAME, Kind.CLIENT, message);
    }

    public BadNameException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_BADNAME, Kind.CLIENT, message, cause);
    }
}
