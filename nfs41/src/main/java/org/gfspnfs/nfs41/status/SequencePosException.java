package org.gfspnfs.nfs41.status;

/** NFS4ERR_SEQUENCE_POS (10064), RFC 8881 section 15.1. */
public class SequencePosException extends NfsException {
    private static final long serialVersionUID = 1L;

    public SequencePosException() {
        super(NfsStat.NFS4ERR_SEQUENCE_POS, Kind.CLIENT, "NFS4ERR_SEQUENCE_POS");
    }

    public SequencePosException(String message) {
        super(NfsStat.NFS4ERR_SEQUENCE_POS, Kind.CLIENT, message);
    }

    public SequencePosException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_SEQUENCE_POS, Kind.CLIENT, message, cause);
    }
}
