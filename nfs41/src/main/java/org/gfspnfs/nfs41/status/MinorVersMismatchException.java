package org.gfspnfs.nfs41.status;

/** NFS4ERR_MINOR_VERS_MISMATCH (10021), RFC 8881 section 15.1. */
public class MinorVersMismatchException extends NfsException {
    private static final long serialVersionUID = 1L;

    public MinorVersMismatchException() {
        super(NfsStat.NFS4ERR_MINOR_VERS_MISMATCH, Kind.CLIENT, "NFS4ERR_MINOR_VERS_MISMATCH");
    }

    public MinorVersMismatchException(String message) {
        super(NfsStat.NFS4ERR_MINOR_VERS_MISMATCH, Kind.CLIENT, message);
    }

    public MinorVersMismatchException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_MINOR_VERS_MISMATCH, Kind.CLIENT, message, cause);
    }
}
