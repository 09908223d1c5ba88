package org.gfspnfs.nfs41.status;

/** NFS4ERR_FHEXPIRED (10014), RFC 8881 section 15.1. */
public class FhExpiredException extends NfsException {
    private static final long serialVersionUID = 1L;

    public FhExpiredException() {
        super(NfsStat.NFS4ERR_FHEXPIRED, Kind.LOST_STATE, "NFS4ERR_FHEXPIRED");
    }

    public FhExpiredException(String message) {
        super(NfsStat.NFS4ERR_FHEXPIRED, Kind.LOST_STATE, message);
    }

    public FhExpiredException(String message, Throwable cause) {
        super(NfsStat.NFS4ERR_FHEXPIRED, Kind.LOST_STATE, message, cause);
    }
}
