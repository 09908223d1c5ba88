package org.gfspnfs.nfs41.status;

/** NFS4ERR_OP_NOT_IN_SESSION (10071), RFC 8881 section 15.1. */
public class OpNotInSessionException extends NfsException {
    private static final long serialVersionUID = 1L;

    public OpNotInSessionException() {
        super(NfsStat.NFS4ERR_OP_NOT_IN_SESSION, Kind.CLIENT, "NFS4ERR_OP_NOT_IN_SESSION");
    }

    public OpNotInSessionException(String message) {
        super(NfsStat.NFS4ERR_OP_NOT_IN_SESSION, Kind.CLIENT, message);
    }

    public OpNotInSessionException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_OP_NOT_IN_SESSION, Kind.CLIENT, message, cause);
    }
}
