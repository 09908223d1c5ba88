package org.gfspnfs.nfs41.status;

/** NFS4ERR_CLID_INUSE (10017), RFC 8881 section 15.1. */
public class ClidInUseException extends NfsException {
    private static final long serialVersionUID = 1L;

    public ClidInUseException() {
        super(NfsStat.NFS4ERR_CLID_INUSE, Kind.CLIENT, "NFS4ERR_CLID_INUSE");
    }

    public ClidInUseException(String message) {
        super(NfsStat.NFS4ERR_CLID_INUSE, Kind.CLIENT, message);
    }

    public ClidInUseException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_CLID_INUSE, Kind.CLIENT, message, cause);
    }
}
