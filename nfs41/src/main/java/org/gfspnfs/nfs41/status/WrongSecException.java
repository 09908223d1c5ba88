package org.gfspnfs.nfs41.status;

/** NFS4ERR_WRONGSEC (10016), RFC 8881 section 15.1. */
public class WrongSecException extends NfsException {
    private static final long serialVersionUID = 1L;

    public WrongSecException() {
        super(NfsStat.NFS4ERR_WRONGSEC, Kind.CLIENT, "NFS4ERR_WRONGSEC");
    }

    public WrongSecException(String message) {
        super(NfsStat.NFS4ERR_WRONGSEC, Kind.CLIENT, message);
    }

    public WrongSecException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_WRONGSEC, Kind.CLIENT, message, cause);
    }
}
