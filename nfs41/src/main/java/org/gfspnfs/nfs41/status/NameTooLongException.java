package org.gfspnfs.nfs41.status;

/** NFS4ERR_NAMETOOLONG (63), RFC 8881 section 15.1. */
public class NameTooLongException extends NfsException {
    private static final long serialVersionUID = 1L;

    public NameTooLongException() {
        super(NfsStat.NFS4ERR_NAMETOOLONG, Kind.CLIENT, "NFS4ERR_NAMETOOLONG");
    }

    public NameTooLongException(String message) {
        super(NfsStat.NFS4ERR_NAMETOOLONG, Kind.CLIENT, message);
    }

    public NameTooLongException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_NAMETOOLONG, Kind.CLIENT, message, cause);
    }
}
