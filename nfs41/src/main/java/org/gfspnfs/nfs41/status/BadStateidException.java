package org.gfspnfs.nfs41.status;

/** NFS4ERR_BAD_STATEID (10025), RFC 8881 section 15.1. */
public class BadStateidException extends NfsException {
    private static final long serialVersionUID = 1L;

    public BadStateidException() {
        super(NfsStat.NFS4ERR_BAD_STATEID, Kind.CLIENT, "NFS4ERR_BAD_STATEID");
    }

    public BadStateidException(String message) {
        super(NfsStat.NFS4ERR_BAD_STATEID, Kind.CLIENT, message);
    }

    public BadStateidException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_BAD_STATEID, Kind.CLIENT, message, cause);
    }
}
