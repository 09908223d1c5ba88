package org.gfspnfs.nfs41.status;

/** NFS4ERR_ATTRNOTSUPP (10032), RFC 8881 section 15.1. */
public class AttrNotSuppException extends NfsException {
    private static final long serialVersionUID = 1L;

    public AttrNotSuppException() {
        super(NfsStat.NFS4ERR_ATTRNOTSUPP, Kind.CLIENT, "NFS4ERR_ATTRNOTSUPP");
    }

    public AttrNotSuppException(String message) {
        super(NfsStat.NFS4ERR_ATTRNOTSUPP, Kind.CLIENT, message);
    }

    public AttrNotSuppException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_ATTRNOTSUPP, Kind.CLIENT, message, cause);
    }
}
