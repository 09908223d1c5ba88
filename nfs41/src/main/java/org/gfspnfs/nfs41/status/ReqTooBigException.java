package org.gfspnfs.nfs41.status;

/** NFS4ERR_REQ_TOO_BIG (10065), RFC 8881 section 15.1. */
public class ReqTooBigException extends NfsException {
    private static final long serialVersionUID = 1L;

    public ReqTooBigException() {
        super(NfsStat.NFS4ERR_REQ_TOO_BIG, Kind.CLIENT, "NFS4ERR_REQ_TOO_BIG");
    }

    public ReqTooBigException(String message) {
        super(NfsStat.NFS4ERR_REQ_TOO_BIG, Kind.CLIENT, message);
    }

    public ReqTooBigException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_REQ_TOO_BIG, Kind.CLIENT, message, cause);
    }
}
