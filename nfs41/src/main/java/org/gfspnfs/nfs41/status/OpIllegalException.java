package org.gfspnfs.nfs41.status;

/** NFS4ERR_OP_ILLEGAL (10044), RFC 8881 section 15.1. */
public class OpIllegalException extends NfsException {
    private static final long serialVersionUID = 1L;

    public OpIllegalException() {
        super(NfsStat.NFS4ERR_OP_ILLEGAL, Kind.CLIENT, "NFS4ERR_OP_ILLEGAL");
    }

    public OpIllegalException(String message) {
        super(NfsStat.NFS4ERR_OP_ILLEGAL, Kind.CLIENT, message);
    }

    public OpIllegalException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_OP_ILLEGAL, Kind.CLIENT, message, cause);
    }
}
