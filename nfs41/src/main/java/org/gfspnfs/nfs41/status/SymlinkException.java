package org.gfspnfs.nfs41.status;

/** NFS4ERR_SYMLINK (10029), RFC 8881 section 15.1. */
public class SymlinkException extends NfsException {
    private static final long serialVersionUID = 1L;

    public SymlinkException() {
        super(NfsStat.NFS4ERR_SYMLINK, Kind.CLIENT, "NFS4ERR_SYMLINK");
    }

    public SymlinkException(String message) {
        super(NfsStat.NFS4ERR_SYMLINK, Kind.CLIENT, message);
    }

    public SymlinkException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_SYMLINK, Kind.CLIENT, message, cause);
    }
}
