package org.gfspnfs.nfs41.status;

/** NFS4ERR_BADSLOT (10053), RFC 8881 section 15.1. */
public class BadSlotException extends NfsException {
    private static final long serialVersionUID = 1L;

    public BadSlotException() {
        super(NfsStat.NFS4ERR_BADSLOT, Kind.CLIENT, "NFS4ERR_BADSLOT");
    }

    public BadSlotException(String message) {
        super(NfsStat.NFS4ERR_BADSLOT, Kind.CLIENT, message);
    }

    public BadSlotException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_BADSLOT, Kind.CLIENT, message, cause);
    }
}
