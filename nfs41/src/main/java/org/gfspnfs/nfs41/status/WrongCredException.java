package org.gfspnfs.nfs41.status;

/** NFS4ERR_WRONG_CRED (10082), RFC 8881 section 15.1. */
public class WrongCredException extends NfsException {
    private static final long serialVersionUID = 1L;

    public WrongCredException() {
        super(NfsStat.NFS4ERR_WRONG_CRED, Kind.CLIENT, "NFS4ERR_WRONG_CRED");
    }

    public WrongCredException(String message) {
        super(NfsStat.NFS4ERR_WRONG_CRED, Kind.CLIENT, message);
    }

    public WrongCredException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_WRONG_CRED, Kind.CLIENT, message, cause);
    }
}
