package org.gfspnfs.nfs41.status;

/** NFS4ERR_CLIENTID_BUSY (10074), RFC 8881 section 15.1. */
public class ClientidBusyException extends NfsException {
    private static final long serialVersionUID = 1L;

    public ClientidBusyException() {
        super(NfsStat.NFS4ERR_CLIENTID_BUSY, Kind.CLIENT, "NFS4ERR_CLIENTID_BUSY");
    }

    public ClientidBusyException(String message) {
        super(NfsStat.NFS4ERR_CLIENTID_BUSY, Kind.CLIENT, message);
    }

    public ClientidBusyException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_CLIENTID_BUSY, Kind.CLIENT, message, cause);
    }
}
