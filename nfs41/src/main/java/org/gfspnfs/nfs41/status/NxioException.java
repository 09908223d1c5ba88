package org.gfspnfs.nfs41.status;

/** NFS4ERR_NXIO (6), RFC 8881 section 15.1. */
public class NxioException extends NfsException {
    private static final long serialVersionUID = 1L;

    public NxioException() {
        super(NfsStat.NFS4ERR_NXIO, Kind.CLIENT, "NFS4ERR_NXIO");
    }

    public NxioException(String message) {
        super(NfsStat.NFS4ERR_NXIO, Kind.CLIENT, message);
    }

    public NxioException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_NXIO, Kind.CLIENT, message, cause);
    }
}
