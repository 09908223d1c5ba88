package org.gfspnfs.nfs41.status;

/** NFS4ERR_PNFS_NO_LAYOUT (10080), RFC 8881 section 15.1. */
public class PnfsNoLayoutException extends NfsException {
    private static final long serialVersionUID = 1L;

    public PnfsNoLayoutException() {
        super(NfsStat.NFS4ERR_PNFS_NO_LAYOUT, Kind.CLIENT, "NFS4ERR_PNFS_NO_LAYOUT");
    }

    public PnfsNoLayoutException(String message) {
        super(NfsStat.NFS4ERR_PNFS_NO_LAYOUT, Kind.CLIENT, message);
    }

    public PnfsNoLayoutException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_PNFS_NO_LAYOUT, Kind.CLIENT, message, cause);
    }
}
