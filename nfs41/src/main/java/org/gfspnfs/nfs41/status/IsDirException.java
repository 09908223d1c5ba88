package org.gfspnfs.nfs41.status;

/** NFS4ERR_ISDIR (21), RFC 8881 section 15.1. */
public class IsDirException extends NfsException {
    private static final long serialVersionUID = 1L;

    public IsDirException() {
        super(NfsStat.NFS4ERR_ISDIR, Kind.CLIENT, "NFS4ERR_ISDIR");
    }

    public IsDirException(String message) {
        super(NfsStat.NFS4ERR_ISDIR, Kind.CLIENT, message);
    }

    public IsDirException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_ISDIR, Kind.CLIENT, message, cause);
    }
}
