package org.gfspnfs.nfs41.status;

/** NFS4ERR_NOTDIR (20), RFC 8881 section 15.1. */
public class NotDirException extends NfsException {
    private static final long serialVersionUID = 1L;

    public NotDirException() {
        super(NfsStat.NFS4ERR_NOTDIR, Kind.CLIENT, "NFS4ERR_NOTDIR");
    }

    public NotDirException(String message) {
        super(NfsStat.NFS4ERR_NOTDIR, Kind.CLIENT, message);
    }

    public NotDirException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_NOTDIR, Kind.CLIENT, message, cause);
    }
}
