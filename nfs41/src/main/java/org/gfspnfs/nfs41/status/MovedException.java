package org.gfspnfs.nfs41.status;

/** NFS4ERR_MOVED (10019), RFC 8881 section 15.1. */
public class MovedException extends NfsException {
    private static final long serialVersionUID = 1L;

    public MovedException() {
        super(NfsStat.NFS4ERR_MOVED, Kind.CLIENT, "NFS4ERR_MOVED");
    }

    public MovedException(String message) {
        super(NfsStat.NFS4ERR_MOVED, Kind.CLIENT, message);
    }

    public MovedException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_MOVED, Kind.CLIENT, message, cause);
    }
}
