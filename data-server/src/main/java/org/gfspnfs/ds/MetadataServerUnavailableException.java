package org.gfspnfs.ds;

/**
 * The MDS could not be asked (unreachable, silent past the call timeout, or no longer the MDS). The data server
 * answers NFS4ERR_DELAY (RFC 8881 section 15.1.1.3): nothing was decided, the client retries the same request and
 * keeps its layout, and no reply claims that data is stable when the MDS has not heard of it.
 */
public final class MetadataServerUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    public MetadataServerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
