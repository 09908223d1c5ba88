package org.gfspnfs.nfs41.status;

/** NFS4ERR_XDEV (18), RFC 8881 section 15.1. */
public class XdevException extends NfsException {
    private static final long serialVersionUID = 1L;

    public XdevException() {
        super(NfsStat.NFS4ERR_XDEV, Kind.CLIENT, "NFS4ERR_XDEV");
    }

    public XdevException(String message) {
        super(NfsStat.NFS4ERR_XDEV, Kind.CLIENT, message);
    }

    public XdevException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_XDEV, Kind.CLIENT, message, cause);
    }
}
