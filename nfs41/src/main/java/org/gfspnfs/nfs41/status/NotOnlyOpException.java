package org.gfspnfs.nfs41.status;

/** NFS4ERR_NOT_ONLY_OP (10081), RFC 8881 section 15.1. */
public class NotOnlyOpException extends NfsException {
    private static final long serialVersionUID = 1L;

    public NotOnlyOpException() {
        super(NfsStat.NFS4ERR_NOT_ONLY_OP, Kind.CLIENT, "NFS4ERR_NOT_ONLY_OP");
    }

    public NotOnlyOpException(String message) {
        super(NfsStat.NFS4ERR_NOT_ONLY_OP, Kind.CLIENT, message);
    }

    public NotOnlyOpException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_NOT_ONLY_OP, Kind.CLIENT, message, cause);
    }
}
