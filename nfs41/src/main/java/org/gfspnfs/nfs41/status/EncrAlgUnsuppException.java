package org.gfspnfs.nfs41.status;

/** NFS4ERR_ENCR_ALG_UNSUPP (10079), RFC 8881 section 15.1. */
public class EncrAlgUnsuppException extends NfsException {
    private static final long serialVersionUID = 1L;

    public EncrAlgUnsuppException() {
        super(NfsStat.NFS4ERR_ENCR_ALG_UNSUPP, Kind.CLIENT, "NFS4ERR_ENCR_ALG_UNSUPP");
    }

    public EncrAlgUnsuppException(String message) {
        super(NfsStat.NFS4ERR_ENCR_ALG_UNSUPP, Kind.CLIENT, message);
    }

    public EncrAlgUnsuppException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_ENCR_ALG_UNSUPP, Kind.CLIENT, message, cause);
    }
}
