package org.gfspnfs.nfs41.status;

/** NFS4ERR_BAD_COOKIE (10003), RFC 8881 section 15.1. */
public class BadCookieException extends NfsException {
    private static final long serialVersionUID = 1L;

    public BadCookieException() {
        super(NfsStat.NFS4ERR_BAD_COOKIE, Kind.CLIENT, "NFS4ERR_BAD_COOKIE");
    }

    public BadCookieException(String message) {
        super(NfsStat.NFS4ERR_BAD_COOKIE, Kind.CLIENT, message);
    }

    public BadCookieException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_BAD_COOKIE, Kind.CLIENT, message, cause);
    }
}
