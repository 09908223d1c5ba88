package org.gfspnfs.nfs41.status;

/** NFS4ERR_NOENT (2), RFC 8881 section 15.1. */
public class NoEntException extends NfsException {
    private static final long serialVersionUID = 1L;

    public NoEntException() {
        super(NfsStat.NFS4ERR_NOENT, Kind.CLIENT, "NFS4ERR_NOENT");
    }

    public NoEntException(String message) {
        super(NfsStat.NFS4ERR_NOENT, Kind.CLIENT, message);
    }

    public NoEntException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_NOENT, Kind.CLIENT, message, cause);
    }
}
