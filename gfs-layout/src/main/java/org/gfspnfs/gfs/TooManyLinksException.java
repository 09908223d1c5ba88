package org.gfspnfs.gfs;

/** The link count would overflow ({@link Errno#EMLINK}). */
public class TooManyLinksException extends GfsException {
    public TooManyLinksException(String message) {
        super(Errno.EMLINK, message);
    }

    public TooManyLinksException(String message, Throwable cause) {
        super(Errno.EMLINK, message, cause);
    }
}
