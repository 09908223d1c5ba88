package org.gfspnfs.nfs41.status;

/** NFS4ERR_BADLAYOUT (10050), RFC 8881 section 15.1. */
public class BadLayoutException extends NfsException {
    private static final long serialVersionUID = 1L;

    public BadLayoutException() {
        super(NfsStat.NFS4ERR_BADLAYOUT, Kind.CLIENT, "NFS4ERR_BADLAYOUT");
    }

    public BadLayoutException(String message) {
        super(NfsStat.NFS4ERR_BADLAYOUT, Kind.CLIENT, message);
    }

    public BadLayoutException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_BADLAYOUT, Kind.CLIENT, message, cause);
    }
}
