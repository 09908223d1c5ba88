package org.gfspnfs.nfs41.status;

/** NFS4ERR_SEQ_MISORDERED (10063), RFC 8881 section 15.1. */
public class SeqMisorderedException extends NfsException {
    private static final long serialVersionUID = 1L;

    public SeqMisorderedException() {
        super(NfsStat.NFS4ERR_SEQ_MISORDERED, Kind.CLIENT, "NFS4ERR_SEQ_MISORDERED");
    }

    public SeqMisorderedException(String message) {
        super(NfsStat.NFS4ERR_SEQ_MISORDERED, Kind.CLIENT, message);
    }

    public SeqMisorderedException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_SEQ_MISORDERED, Kind.CLIENT, message, cause);
    }
}
