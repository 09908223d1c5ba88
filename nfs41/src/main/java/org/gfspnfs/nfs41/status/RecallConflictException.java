package org.gfspnfs.nfs41.status;

/** NFS4ERR_RECALLCONFLICT (10061), RFC 8881 section 15.1. */
public class RecallConflictException extends NfsException {
    private static final long serialVersionUID = 1L;

    public RecallConflictException() {
        super(NfsStat.NFS4ERR_RECALLCONFLICT, Kind.CLIENT, "NFS4ERR_RECALLCONFLICT");
    }

    public RecallConflictException(String message) {
        super(NfsStat.NFS4ERR_RECALLCONFLICT, Kind.CLIENT, message);
    }

    public RecallConflictException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_RECALLCONFLICT, Kind.CLIENT, message, cause);
    }
}
