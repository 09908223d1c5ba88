package org.gfspnfs.nfs41.status;

/** NFS4ERR_MLINK (31), RFC 8881 section 15.1. */
public class MLinkException extends NfsException {
    private static final long serialVersionUID = 1L;

    public MLinkException() {
        super(NfsStat.NFS4ERR_MLINK, Kind.CLIENT, "NFS4ERR_MLINK");
    }

    public MLinkException(String message) {
        super(NfsStat.NFS4ERR_MLINK, Kind.CLIENT, message);
    }

    public MLinkException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_MLINK, Kind.CLIENT, message, cause);
    }
}
