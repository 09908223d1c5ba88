package org.gfspnfs.nfs41.status;

/** NFS4ERR_BAD_SEQID (10026), RFC 8881 section 15.1. */
public class BadSeqidException extends NfsException {
    private static final long serialVersionUID = 1L;

    public BadSeqidException() {
        super(NfsStat.NFS4ERR_BAD_SEQID, Kind.CLIENT, "NFS4ERR_BAD_SEQID");
    }

    public BadSeqidException(String message) {
        super(NfsStat.NFS4ERR_BAD_SEQID, Kind.CLIENT, message);
    }

    public BadSeqidException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_BAD_SEQID, Kind.CLIENT, message, cause);
    }
}
