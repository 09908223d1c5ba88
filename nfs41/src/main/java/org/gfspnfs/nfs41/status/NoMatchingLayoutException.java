package org.gfspnfs.nfs41.status;

/** NFS4ERR_NOMATCHING_LAYOUT (10060), RFC 8881 section 15.1. */
public class NoMatchingLayoutException extends NfsException {
    private static final long serialVersionUID = 1L;

    public NoMatchingLayoutException() {
        super(NfsStat.NFS4ERR_NOMATCHING_LAYOUT, Kind.CLIENT, "NFS4ERR_NOMATCHING_LAYOUT");
    }

    public NoMatchingLayoutException(String message) {
        super(NfsStat.NFS4ERR_NOMATCHING_LAYOUT, Kind.CLIENT, message);
    }

    public NoMatchingLayoutException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_NOMATCHING_LAYOUT, Kind.CLIENT, message, cause);
    }
}
