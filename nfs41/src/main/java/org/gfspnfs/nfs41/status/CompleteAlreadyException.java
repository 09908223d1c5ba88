package org.gfspnfs.nfs41.status;

/** NFS4ERR_COMPLETE_ALREADY (10054), RFC 8881 section 15.1. */
public class CompleteAlreadyException extends NfsException {
    private static final long serialVersionUID = 1L;

    public CompleteAlreadyException() {
        super(NfsStat.NFS4ERR_COMPLETE_ALREADY, Kind.CLIENT, "NFS4ERR_COMPLETE_ALREADY");
    }

    public CompleteAlreadyException(String message) {
        super(NfsStat.NFS4ERR_COMPLETE_ALREADY, Kind.CLIENT, message);
    }

    public CompleteAlreadyException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_COMPLETE_ALREADY, Kind.CLIENT, message, cause);
    }
}
