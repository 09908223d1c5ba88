package org.gfspnfs.nfs41.status;

/** NFS4ERR_UNKNOWN_LAYOUTTYPE (10062), RFC 8881 section 15.1. */
public class UnknownLayoutTypeException extends NfsException {
    private static final long serialVersionUID = 1L;

    public UnknownLayoutTypeException() {
        super(NfsStat.NFS4ERR_UNKNOWN_LAYOUTTYPE, Kind.CLIENT, "NFS4ERR_UNKNOWN_LAYOUTTYPE");
    }

    public UnknownLayoutTypeException(String message) {
        super(NfsStat.NFS4ERR_UNKNOWN_LAYOUTTYPE, Kind.CLIENT, message);
    }

    public UnknownLayoutTypeException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_UNKNOWN_LAYOUTTYPE, Kind.CLIENT, message, cause);
    }
}
