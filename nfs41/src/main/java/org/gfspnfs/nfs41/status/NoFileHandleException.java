package org.gfspnfs.nfs41.status;

/** NFS4ERR_NOFILEHANDLE (10020), RFC 8881 section 15.1. */
public class NoFileHandleException extends NfsException {
    private static final long serialVersionUID = 1L;

    public NoFileHandleException() {
        super(NfsStat.NFS4ERR_NOFILEHANDLE, Kind.CLIENT, "NFS4ERR_NOFILEHANDLE");
    }

    public NoFileHandleException(String message) {
        super(NfsStat.NFS4ERR_NOFILEHANDLE, Kind.CLIENT, message);
    }

    public NoFileHandleException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_NOFILEHANDLE, Kind.CLIENT, message, cause);
    }
}
