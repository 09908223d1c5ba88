package org.gfspnfs.nfs41.status;

/** NFS4ERR_BACK_CHAN_BUSY (10057), RFC 8881 section 15.1. */
public class BackChanBusyException extends NfsException {
    private static final long serialVersionUID = 1L;

    public BackChanBusyException() {
        super(NfsStat.NFS4ERR_BACK_CHAN_BUSY, Kind.CLIENT, "NFS4ERR_BACK_CHAN_BUSY");
    }

    public BackChanBusyException(String message) {
        super(NfsStat.NFS4ERR_BACK_CHAN_BUSY, Kind.CLIENT, message);
    }

    public BackChanBusyException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_BACK_CHAN_BUSY, Kind.CLIENT, message, cause);
    }
}
