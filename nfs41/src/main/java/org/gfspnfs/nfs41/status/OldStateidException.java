package org.gfspnfs.nfs41.status;

/** NFS4ERR_OLD_STATEID (10024), RFC 8881 section 15.1. */
public class OldStateidException extends NfsException {
    private static final long serialVersionUID = 1L;

    public OldStateidException() {
        super(NfsStat.NFS4ERR_OLD_STATEID, Kind.CLIENT, "NFS4ERR_OLD_STATEID");
    }

    public OldStateidException(String message) {
        super(NfsStat.NFS4ERR_OLD_STATEID, Kind.CLIENT, message);
    }

    public OldStateidException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_OLD_STATEID, Kind.CLIENT, message, cause);
    }
}
