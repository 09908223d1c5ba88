package org.gfspnfs.nfs41.status;

/** NFS4ERR_DQUOT (69), RFC 8881 section 15.1. */
public class DQuotException extends NfsException {
    private static final long serialVersionUID = 1L;

    public DQuotException() {
        super(NfsStat.NFS4ERR_DQUOT, Kind.CLIENT, "NFS4ERR_DQUOT");
    }

    public DQuotException(String message) {
        super(NfsStat.NFS4ERR_DQUOT, Kind.CLIENT, message);
    }

    public DQuotException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_DQUOT, Kind.CLIENT, message, cause);
    }
}
