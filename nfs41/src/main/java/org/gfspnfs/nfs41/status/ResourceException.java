package org.gfspnfs.nfs41.status;

/** NFS4ERR_RESOURCE (10018), RFC 8881 section 15.1. */
public class ResourceException extends NfsException {
    private static final long serialVersionUID = 1L;

    public ResourceException() {
        super(NfsStat.NFS4ERR_RESOURCE, Kind.CLIENT, "NFS4ERR_RESOURCE");
    }

    public ResourceException(String message) {
        super(NfsStat.NFS4ERR_RESOURCE, Kind.CLIENT, message);
    }

    public ResourceException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_RESOURCE, Kind.CLIENT, message, cause);
    }
}
