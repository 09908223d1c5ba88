package org.gfspnfs.nfs41.status;

/** NFS4ERR_SEQ_FALSE_RETRY (10076), RFC 8881 section 15.1. */
public class SeqFalseRetryException extends NfsException {
    private static final long serialVersionUID = 1L;

    public SeqFalseRetryException() {
        super(NfsStat.NFS4ERR_SEQ_FALSE_RETRY, Kind.CLIENT, "NFS4ERR_SEQ_FALSE_RETRY");
    }

    public SeqFalseRetryException(String message) {
        super(NfsStat.NFS4ERR_SEQ_FALSE_RETRY, Kind.CLIENT, message);
    }

    public SeqFalseRetryException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_SEQ_FALSE_RETRY, Kind.CLIENT, message, cause);
    }
}
