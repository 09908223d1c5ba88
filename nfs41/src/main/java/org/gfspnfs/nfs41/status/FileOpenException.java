package org.gfspnfs.nfs41.status;

/** NFS4ERR_FILE_OPEN (10046), RFC 8881 section 15.1. */
public class FileOpenException extends NfsException {
    private static final long serialVersionUID = 1L;

    public FileOpenException() {
        super(NfsStat.NFS4ERR_FILE_OPEN, Kind.CLIENT, "NFS4ERR_FILE_OPEN");
    }

    public FileOpenException(String message) {
        super(NfsStat.NFS4ERR_FILE_OPEN, Kind.CLIENT, message);
    }

    public FileOpenException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_FILE_OPEN, Kind.CLIENT, message, cause);
    }
}
