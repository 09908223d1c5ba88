package org.gfspnfs.nfs41.status;

/** NFS4ERR_CB_PATH_DOWN (10048), RFC 8881 section 15.1. */
public class CbPathDownException extends NfsException {
    private static final long serialVersionUID = 1L;

    public CbPathDownException() {
        super(NfsStat.NFS4ERR_CB_PATH_DOWN, Kind.CLIENT, "NFS4ERR_CB_PATH_DOWN");
    }

    public CbPathDownException(String message) {
        super(NfsStat.NFS4ERR_CB_PATH_DOWN, Kind.CLIENT, message);
    }

    public CbPathDownException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_CB_PATH_DOWN, Kind.CLIENT, message, cause);
    }
}
