package org.gfspnfs.nfs41.status;

/** NFS4ERR_BAD_HIGH_SLOT (10077), RFC 8881 section 15.1. */
public class BadHighSlotException extends NfsException {
    private static final long serialVersionUID = 1L;

    public BadHighSlotException() {
        super(NfsStat.NFS4ERR_BAD_HIGH_SLOT, Kind.CLIENT, "NFS4ERR_BAD_HIGH_SLOT");
    }

    public BadHighSlotException(String message) {
        super(NfsStat.NFS4ERR_BAD_HIGH_SLOT, Kind.CLIENT, message);
    }

    public BadHighSlotException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_BAD_HIGH_SLOT, Kind.CLIENT, message, cause);
    }
}
