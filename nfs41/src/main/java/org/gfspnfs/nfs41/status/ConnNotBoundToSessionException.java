package org.gfspnfs.nfs41.status;

/** NFS4ERR_CONN_NOT_BOUND_TO_SESSION (10055), RFC 8881 section 15.1. */
public class ConnNotBoundToSessionException extends NfsException {
    private static final long serialVersionUID = 1L;

    public ConnNotBoundToSessionException() {
        super(NfsStat.NFS4ERR_CONN_NOT_BOUND_TO_SESSION, Kind.CLIENT, "NFS4ERR_CONN_NOT_BOUND_TO_SESSION");
    }

    public ConnNotBoundToSessionException(String message) {
        super(NfsStat.NFS4ERR_CONN_NOT_BOUND_TO_SESSION, Kind.CLIENT, message);
    }

    public ConnNotBoundToSessionException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_CONN_NOT_BOUND_TO_SESSION, Kind.CLIENT, message, cause);
    }
}
