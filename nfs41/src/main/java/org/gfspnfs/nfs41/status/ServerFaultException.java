package org.gfspnfs.nfs41.status;

/** NFS4ERR_SERVERFAULT (10006), RFC 8881 section 15.1. */
public class ServerFaultException extends NfsException {
    private static final long serialVersionUID = 1L;

    public ServerFaultException() {
        super(NfsStat.NFS4ERR_SERVERFAULT, Kind.SERVER, "NFS4ERR_SERVERFAULT");
    }

    public ServerFaultException(String message) {
        super(NfsStat.NFS4ERR_SERVERFAULT, Kind.SERVER, message);
    }

    public ServerFaultException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_SERVERFAULT, Kind.SERVER, message, cause);
    }
}
